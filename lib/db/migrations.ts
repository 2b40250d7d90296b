// Applies prisma/migrations exactly as `prisma migrate deploy` would (same engine, same
// _prisma_migrations bookkeeping), so a connected machine can switch to the CLI at any time.
import fs from "node:fs";
import path from "node:path";
import { restoreDeferredIndexesAt } from "./deferred-indexes";
import { withMigrationLock } from "./migration-lock";
import { migrationErrorSummary } from "./migration-error";
import { noSchemaFilter, openSchemaEngine } from "./schema-engine";

// The bundled standalone launcher sets INSPECTORATE_APP_ROOT: prisma/ sits beside it there.
export const projectRoot = process.env.INSPECTORATE_APP_ROOT ?? path.resolve(import.meta.dirname, "..", "..");
export const schemaPath = path.join(projectRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma", "migrations");

export function readMigrationsList(dir = migrationsDir) {
  const lockPath = path.join(dir, "migration_lock.toml");
  const names = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  return {
    baseDir: dir,
    lockfile: { path: lockPath, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies the pending migrations of `dir` (tests pass a copy holding only the older ones). Two
 *  replicas starting together on one database take turns (lib/db/migration-lock.ts). */
export async function applyMigrations(databaseUrl: string, dir = migrationsDir): Promise<string[]> {
  return withMigrationLock(databaseUrl, async () => {
    // A first sync killed mid-load left findings without its secondary indexes: rebuild them before
    // any migration might expect them.
    await restoreDeferredIndexesAt(databaseUrl);
    const opened = await openSchemaEngine(databaseUrl, schemaPath);
    try {
      const list = readMigrationsList(dir);
      const out = await opened.run((e) => e.applyMigrations({ migrationsList: list, filters: noSchemaFilter })).catch((err: unknown) => {
        const summary = migrationErrorSummary(String((err as Error)?.message ?? err));
        throw summary ? new Error(summary, { cause: err }) : err;
      });
      return out.appliedMigrationNames;
    } finally {
      await opened.close();
    }
  });
}

/** The SQL that builds schema.prisma from nothing: the reference the drift test compares against. */
export async function schemaSqlFromEmpty(databaseUrl: string): Promise<string> {
  const opened = await openSchemaEngine(databaseUrl, schemaPath);
  try {
    const content = fs.readFileSync(schemaPath, "utf8");
    const out = await opened.run((e) => e.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content }] },
      script: true,
      exitCode: null,
      filters: noSchemaFilter,
    }));
    return out.stdout ?? "";
  } finally {
    await opened.close();
  }
}
