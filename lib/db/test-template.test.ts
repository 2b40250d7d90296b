import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { catalogFingerprint, migrationOnlyIndexes } from "./catalog-fingerprint";
import { applyMigrations, migrationsDir } from "./migrations";
import { createEmptyTestDatabase, createTestDatabase } from "./test-database";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { migrationsFingerprint, pgliteTemplate, postgresTemplate } from "./test-template";

/** What a migrated database holds that the tests rely on: its schema, the indexes schema.prisma
 *  cannot state, the migrations recorded as applied, and the rows migrations seed. */
async function described(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const applied = await c.query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY 1");
    const triggers = await c.query("SELECT tgrelid::regclass::text || '.' || tgname AS t FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1");
    const functions = await c.query("SELECT proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1");
    const rows = await c.query(`SELECT c.relname AS t, c.reltuples FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_prisma_migrations' ORDER BY 1`);
    const counts: Record<string, number> = {};
    for (const r of rows.rows) counts[r.t] = Number((await c.query(`SELECT count(*)::int AS n FROM "${r.t}"`)).rows[0].n);
    return {
      catalog: await catalogFingerprint(c),
      migrationOnly: await migrationOnlyIndexes(c),
      applied: applied.rows.map((r) => r.migration_name),
      triggers: triggers.rows.map((r) => r.t),
      functions: functions.rows.map((r) => r.proname),
      counts,
    };
  } finally {
    await c.end();
  }
}

describe("the migrated template of test databases", () => {
  it("gives a database identical to one migrated from empty, and a separate one each time", async () => {
    const fromEmpty = await createEmptyTestDatabase();
    const a = await createTestDatabase();
    const b = await createTestDatabase();
    try {
      await applyMigrations(fromEmpty.url);
      const expected = await described(fromEmpty.url);
      expect(expected.applied.length).toBeGreaterThan(40);
      expect(expected.triggers.length).toBeGreaterThan(10);
      expect(await described(a.url)).toEqual(expected);
      // Nothing more to apply: the template is at the latest migration.
      expect(await applyMigrations(a.url)).toEqual([]);
      // Copies, not one database: a write to one is not seen by the other.
      await a.pool.query("CREATE TABLE template_probe (n int)");
      expect((await b.pool.query("SELECT to_regclass('template_probe') AS t")).rows[0].t).toBeNull();
    } finally {
      await Promise.all([a.close(), b.close(), fromEmpty.drop()]);
    }
  }, 120_000);

  it("is named by every migration's name and SQL, so a changed or added migration builds a new one", () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    try {
      fs.cpSync(migrationsDir, copy, { recursive: true });
      const base = migrationsFingerprint(copy);
      expect(migrationsFingerprint(copy)).toBe(base);
      expect(base).toBe(migrationsFingerprint());
      expect(migrationsFingerprint(copy, "pglite 0.0.0")).not.toBe(base);
      const last = fs.readdirSync(copy).filter((d) => fs.statSync(path.join(copy, d)).isDirectory()).sort().at(-1)!;
      const sql = path.join(copy, last, "migration.sql");
      fs.appendFileSync(sql, "\n-- changed\n");
      const changed = migrationsFingerprint(copy);
      expect(changed).not.toBe(base);
      fs.mkdirSync(path.join(copy, "29991231000000_later"));
      fs.writeFileSync(path.join(copy, "29991231000000_later", "migration.sql"), "SELECT 1;");
      expect(migrationsFingerprint(copy)).not.toBe(changed);
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  });

  it("is built once when several test workers ask for it at once, and holds every migration", async () => {
    // A copy of the migrations with one more: its own template, not the one other test files copy.
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    fs.cpSync(migrationsDir, copy, { recursive: true });
    fs.mkdirSync(path.join(copy, "29991231000000_template_probe"));
    fs.writeFileSync(path.join(copy, "29991231000000_template_probe", "migration.sql"), "CREATE TABLE template_probe (n int);");
    const server = process.env.TEST_DATABASE_URL;
    const admin = server ? new pg.Client({ connectionString: server }) : undefined;
    await admin?.connect();
    let built: string | undefined;
    try {
      if (admin && server) {
        const names = await Promise.all([1, 2, 3, 4].map(() => postgresTemplate(server, copy)));
        built = names[0];
        expect(new Set(names)).toEqual(new Set([built]));
        // One template, and none of the workers' building copies left behind.
        const left = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${built}%`]);
        expect(left.rows.map((r) => r.datname)).toEqual([built]);
        const probe = Object.assign(new URL(server), { pathname: `/${built}` }).toString();
        const c = new pg.Client({ connectionString: probe });
        await c.connect();
        expect((await c.query("SELECT to_regclass('template_probe') AS t")).rows[0].t).toBe("template_probe");
        await c.end();

        // Two renames at the same moment: the loser waits on the catalog's unique index and fails with
        // 23505, not 42P04. Held open here: another worker's rename, uncommitted until ours waits on it.
        await admin.query(`DROP DATABASE ${built}`);
        const other = `${built}_other`;
        await admin.query(`CREATE DATABASE ${other}`);
        const holder = new pg.Client({ connectionString: server });
        await holder.connect();
        await holder.query("BEGIN");
        await holder.query(`ALTER DATABASE ${other} RENAME TO ${built}`);
        const ours = postgresTemplate(server, copy);
        for (let waited = 0; ; waited += 100) {
          const blocked = await admin.query("SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'ALTER DATABASE%RENAME TO%'");
          if (blocked.rowCount || waited > 60_000) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        await holder.query("COMMIT");
        await holder.end();
        expect(await ours).toBe(built);
        const after = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${built}%`]);
        expect(after.rows.map((r) => r.datname)).toEqual([built]);
      } else {
        const files = await Promise.all([1, 2, 3].map(() => pgliteTemplate(copy)));
        built = files[0];
        expect(new Set(files)).toEqual(new Set([built]));
        // No half-written dump left beside it.
        expect(fs.readdirSync(path.dirname(built)).filter((f) => f.startsWith(path.basename(built!)))).toEqual([path.basename(built)]);
        const db = await startEmbeddedPostgres({ loadDataDir: new Blob([fs.readFileSync(built)]) });
        const c = new pg.Client({ connectionString: db.url });
        await c.connect();
        expect((await c.query("SELECT to_regclass('template_probe') AS t")).rows[0].t).toBe("template_probe");
        await c.end();
        await db.stop();
      }
    } finally {
      if (built && admin) await admin.query(`DROP DATABASE IF EXISTS ${built} WITH (FORCE)`);
      else if (built) fs.rmSync(built, { force: true });
      await admin?.end();
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }, 180_000);
});
