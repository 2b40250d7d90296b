// A failed migration stops start-up with one line naming it and quoting PostgreSQL, on the run
// that fails and on every start after it (the engine's own first line was "external connector error").
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { applyMigrations, migrationsDir } from "./migrations";
import { migrationErrorSummary } from "./migration-error";
import { createEmptyTestDatabase } from "./test-database";

function migrations(steps: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "inspectorate-migrations-"));
  fs.copyFileSync(path.join(migrationsDir, "migration_lock.toml"), path.join(dir, "migration_lock.toml"));
  for (const [name, sql] of Object.entries(steps)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

describe("a failed migration", () => {
  it("is named with PostgreSQL's error, then named again on the next start", async () => {
    const db = await createEmptyTestDatabase();
    const dir = migrations({
      "20000101000000_first": "CREATE TABLE probe (id int);",
      "20000101000001_again": "CREATE TABLE probe (id int);",
    });
    try {
      const first = await applyMigrations(db.url, dir).then(() => undefined, (e: Error) => e.message);
      expect(first).toBe('migration 20000101000001_again failed: ERROR: relation "probe" already exists');
      const next = await applyMigrations(db.url, dir).then(() => undefined, (e: Error) => e.message);
      expect(next).toMatch(/^migration 20000101000001_again failed when it was applied at \d{4}-\d\d-\d\d .+ no later migration is applied until that row is resolved$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await db.drop();
    }
  }, 60_000);

  it("leaves an error it does not recognise to the caller as it was", () => {
    expect(migrationErrorSummary("connection refused")).toBeUndefined();
  });
});
