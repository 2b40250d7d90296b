// Migrations started together on one fresh database both succeed: one applies every migration, the
// other finds nothing left to do. On a server: two processes (two replicas, or the two e2e apps).
// On the embedded PGlite, which only the process that started it can hold: two callers in it.
import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { applyMigrations, readMigrationsList } from "./migrations";
import { createEmptyTestDatabase } from "./test-database";

const root = path.resolve(import.meta.dirname, "..", "..");
const migrateInProcess = (url: string) => new Promise<string[]>((resolve, reject) => {
  const child = spawn(process.execPath, ["--import", "tsx", "-e",
    `import("./lib/db/migrations.ts").then(async (m) => console.log(JSON.stringify(await m.applyMigrations(process.env.URL))))`],
  { cwd: root, env: { ...process.env, URL: url }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "[]")) : reject(new Error(`exit ${code}: ${out}`))));
});

describe("migrations started together", () => {
  it("apply once, in one of the callers, and neither fails", async () => {
    const db = await createEmptyTestDatabase();
    try {
      const all = readMigrationsList().migrationDirectories.map((d) => d.path);
      const migrate = db.flavour === "pglite" ? (url: string) => applyMigrations(url) : migrateInProcess;
      const applied = await Promise.all([migrate(db.url), migrate(db.url)]);
      expect([...applied[0], ...applied[1]].sort()).toEqual(all);
      expect(applied.some((x) => x.length === 0)).toBe(true);
    } finally {
      await db.drop();
    }
  }, 180_000);

  it("let go of Prisma's migrate lock when they return, so the next one does not wait for it", async () => {
    const db = await createEmptyTestDatabase();
    const client = new pg.Client({ connectionString: db.url });
    try {
      await applyMigrations(db.url);
      await client.connect();
      // The engine takes pg_advisory_lock(72707369) on its own connection, held until that closes. On
      // the embedded PGlite every connection is the one session, which may take its own lock again.
      const { rows } = await client.query(
        "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND classid = 0 AND objid = 72707369 AND granted");
      if (db.flavour === "postgres-server") expect(rows[0].n).toBe(0);
      const started = Date.now();
      expect(await applyMigrations(db.url)).toEqual([]);
      expect(Date.now() - started).toBeLessThan(5_000); // it waited 10 s for the pool's idle timeout
    } finally {
      await client.end();
      await db.drop();
    }
  }, 60_000);
});
