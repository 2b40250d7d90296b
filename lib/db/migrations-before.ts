// Tests of a data migration: a fresh database at the schema just before `migration` (the cache an
// older version left), filled by the test, then migrated the rest of the way. Returns the client
// the test reads the migrated rows with.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect } from "vitest";
import { applyMigrations, migrationsDir } from "./migrations";
import { createEmptyTestDatabase } from "./test-database";

async function applyMigrationsBefore(databaseUrl: string, migration: string): Promise<void> {
  const older = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  for (const d of fs.readdirSync(migrationsDir)) {
    if (/^\d{14}_/.test(d) && d < migration) fs.cpSync(path.join(migrationsDir, d), path.join(older, d), { recursive: true });
  }
  fs.copyFileSync(path.join(migrationsDir, "migration_lock.toml"), path.join(older, "migration_lock.toml"));
  await applyMigrations(databaseUrl, older);
  fs.rmSync(older, { recursive: true, force: true });
}

export function setupDatabaseMigratedThrough(migration: string, fillBefore: (client: pg.Client) => Promise<void>): () => pg.Client {
  let db: Awaited<ReturnType<typeof createEmptyTestDatabase>> | undefined;
  let client: pg.Client | undefined;
  beforeAll(async () => {
    db = await createEmptyTestDatabase();
    await applyMigrationsBefore(db.url, migration);
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await fillBefore(client);
    expect(await applyMigrations(db.url)).toContain(migration);
  }, 120_000);
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });
  return () => {
    if (!client) throw new Error("database not ready: call inside a test");
    return client;
  };
}
