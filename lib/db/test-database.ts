// A fresh, migrated database per test file: a new database on TEST_DATABASE_URL's server when
// set (CI's PostgreSQL 15), else an in-memory embedded PGlite.
import crypto from "node:crypto";
import pg from "pg";
import { createDatabase, type Database } from "./client";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrations";

export interface TestDatabase extends Database {
  url: string;
  flavour: "postgres-server" | "pglite";
}

export async function createEmptyTestDatabase(): Promise<{ url: string; flavour: TestDatabase["flavour"]; drop(): Promise<void> }> {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, flavour: "pglite", drop: () => embedded.stop() };
  }
  const name = `inspectorate_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`); // name is generated above, never user input
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    flavour: "postgres-server",
    async drop() {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const empty = await createEmptyTestDatabase();
  await applyMigrations(empty.url);
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
