// Tests of a data migration: bring an empty database to the schema just before `migration` (the
// cache an older version left), so the test can fill it and then apply the rest.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations, migrationsDir } from "./migrations";

export async function applyMigrationsBefore(databaseUrl: string, migration: string): Promise<void> {
  const older = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
  for (const d of fs.readdirSync(migrationsDir)) {
    if (/^\d{14}_/.test(d) && d < migration) fs.cpSync(path.join(migrationsDir, d), path.join(older, d), { recursive: true });
  }
  fs.copyFileSync(path.join(migrationsDir, "migration_lock.toml"), path.join(older, "migration_lock.toml"));
  await applyMigrations(databaseUrl, older);
  fs.rmSync(older, { recursive: true, force: true });
}
