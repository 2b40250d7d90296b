// Migrations started together on one fresh database both succeed: one applies every migration, the
// other finds nothing left to do. On a server: two processes (two replicas, or the two e2e apps).
// On the embedded PGlite, which only the process that started it can hold: two callers in it.
import { spawn } from "node:child_process";
import path from "node:path";
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
});
