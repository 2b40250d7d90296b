// A migrated template for test databases: the migrations run once per set of migrations, not once per
// test file. On a PostgreSQL server the template is a database (`CREATE DATABASE … TEMPLATE`); on the
// embedded default it is a dump of a migrated PGlite's data directory kept in .test-data/. Either is
// named by a fingerprint of prisma/migrations (and of PGlite's version), so a changed or added
// migration builds a new one; tests of the migrations themselves start from empty databases instead.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations, migrationsDir, projectRoot, readMigrationsList } from "./migrations";

/** sha256 of every migration's name and SQL, in order, and of `extra`. */
export function migrationsFingerprint(dir = migrationsDir, extra = ""): string {
  const hash = crypto.createHash("sha256").update(extra);
  for (const m of readMigrationsList(dir).migrationDirectories) hash.update(`\0${m.path}\0${m.migrationFile.content.value}`);
  return hash.digest("hex").slice(0, 16);
}

const TEMPLATE_PREFIX = "inspectorate_tpl_";

/** `work` on a connection to `server`'s own database, closed after. */
export async function withAdmin<T>(server: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

export const databaseUrl = (server: string, name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();

/** The template database for the migrations of `dir` on `server`, built when missing. Test workers
 *  may build it at once: each migrates its own copy and the first rename wins. Templates of other
 *  migrations are left alone (another checkout may be copying one): `DROP DATABASE` them by hand. */
export async function postgresTemplate(server: string, dir = migrationsDir): Promise<string> {
  const name = TEMPLATE_PREFIX + migrationsFingerprint(dir);
  const found = await withAdmin(server, (c) => c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]));
  if (found.rowCount) return name;
  const building = `${name}_b${crypto.randomBytes(4).toString("hex")}`; // generated names, never user input
  await withAdmin(server, (c) => c.query(`CREATE DATABASE ${building}`));
  try {
    await applyMigrations(databaseUrl(server, building), dir);
    await withAdmin(server, async (c) => {
      // The schema engine's connection may still be closing; nothing else knows this database.
      await c.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [building]);
      for (let attempt = 1; ; attempt++) {
        try {
          return await c.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
        } catch (e) {
          if ((e as { code?: string }).code !== "55006" || attempt >= 20) throw e; // object_in_use: a backend still exiting
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    });
  } catch (e) {
    await withAdmin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`));
    // Another worker's rename won: duplicate_database, or the catalog's unique index when both ran at once.
    if (!["42P04", "23505"].includes((e as { code?: string }).code ?? "")) throw e;
  }
  return name;
}

/** A new database on `server` copied from the migrated template. */
export async function createFromPostgresTemplate(server: string, name: string): Promise<string> {
  const template = await postgresTemplate(server);
  await withAdmin(server, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return databaseUrl(server, name);
}

const pgliteVersion = (): string => {
  try {
    return JSON.parse(fs.readFileSync(path.join(projectRoot, "node_modules", "@electric-sql", "pglite", "package.json"), "utf8")).version;
  } catch {
    return "unknown";
  }
};

const templateDir = path.join(projectRoot, ".test-data");

/** The path of the migrated PGlite dump for the current migrations, built when missing (written
 *  under a temporary name and renamed, so a worker never reads a half-written one). */
export async function pgliteTemplate(dir = migrationsDir): Promise<string> {
  const file = path.join(templateDir, `pglite-template-${migrationsFingerprint(dir, pgliteVersion())}.tar`);
  if (fs.existsSync(file)) return file;
  const embedded = await startEmbeddedPostgres();
  try {
    await applyMigrations(embedded.url, dir);
    const dump = await embedded.dumpDataDir();
    fs.mkdirSync(templateDir, { recursive: true });
    const partial = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, file);
  } finally {
    await embedded.stop();
  }
  // Dumps of older migrations, unused for an hour (a test's own, newer ones are its to remove).
  if (dir === migrationsDir) {
    for (const f of fs.readdirSync(templateDir)) {
      const stale = path.join(templateDir, f);
      if (f.startsWith("pglite-template-") && stale !== file && Date.now() - fs.statSync(stale).mtimeMs > 3_600_000) fs.rmSync(stale, { force: true });
    }
  }
  return file;
}

/** An in-memory PGlite holding the migrated template. */
export async function startFromPgliteTemplate(): Promise<EmbeddedPostgres> {
  const file = await pgliteTemplate();
  return startEmbeddedPostgres({ loadDataDir: new Blob([fs.readFileSync(file)]) });
}
