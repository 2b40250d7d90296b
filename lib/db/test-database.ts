// A fresh, migrated database per test file: a new database on TEST_DATABASE_URL's server when
// set (CI's PostgreSQL 15), else an in-memory embedded PGlite; both copied from a migrated template.
import crypto from "node:crypto";
import { createDatabase, type Database } from "./client";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { createFromPostgresTemplate, databaseUrl, startFromPgliteTemplate, withAdmin } from "./test-template";

export interface TestDatabase extends Database {
  url: string;
  flavour: "postgres-server" | "pglite";
}

export async function createEmptyTestDatabase(): Promise<{ url: string; flavour: TestDatabase["flavour"]; drop(): Promise<void> }> {
  return newTestDatabase(false);
}

async function newTestDatabase(migrated: boolean): Promise<{ url: string; flavour: TestDatabase["flavour"]; drop(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const embedded = migrated ? await startFromPgliteTemplate() : await startEmbeddedPostgres();
    return { url: embedded.url, flavour: "pglite", drop: () => embedded.stop() };
  }
  const name = `inspectorate_test_${crypto.randomBytes(6).toString("hex")}`; // generated, never user input
  const url = migrated
    ? await createFromPostgresTemplate(server, name)
    : await withAdmin(server, (c) => c.query(`CREATE DATABASE ${name}`)).then(() => databaseUrl(server, name));
  return {
    url,
    flavour: "postgres-server",
    drop: () => withAdmin(server, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A fresh database with every migration applied, copied from the migrated template
 *  (lib/db/test-template.ts) rather than migrated again for each test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const empty = await newTestDatabase(true);
  const database = createDatabase(empty.url, empty.flavour === "pglite" ? 1 : 5);
  return {
    ...database,
    url: empty.url,
    flavour: empty.flavour,
    async close() {
      await database.close();
      await empty.drop();
    },
  };
}
