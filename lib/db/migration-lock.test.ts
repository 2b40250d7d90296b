// Two processes migrating one fresh database at once (two replicas, or the two e2e apps) both
// succeed: one applies every migration, the other finds nothing left to do.
import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readMigrationsList } from "./migrations";
import { createEmptyTestDatabase } from "./test-database";

const root = path.resolve(import.meta.dirname, "..", "..");
const migrateIn = (url: string) => new Promise<{ code: number | null; out: string }>((resolve) => {
  const child = spawn(process.execPath, ["--import", "tsx", "-e",
    `import("./lib/db/migrations.ts").then(async (m) => console.log(JSON.stringify(await m.applyMigrations(process.env.URL))))`],
  { cwd: root, env: { ...process.env, URL: url }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  child.on("close", (code) => resolve({ code, out }));
});

describe("migrations started together", () => {
  it("apply once, in one of the processes, and neither fails", async () => {
    const db = await createEmptyTestDatabase();
    try {
      const all = readMigrationsList().migrationDirectories.map((d) => d.path);
      const [a, b] = await Promise.all([migrateIn(db.url), migrateIn(db.url)]);
      expect([a.code, b.code], a.out + b.out).toEqual([0, 0]);
      const applied = [a, b].map((r) => JSON.parse(r.out.trim().split("\n").at(-1) ?? "[]") as string[]);
      expect([...applied[0], ...applied[1]].sort()).toEqual(all);
      expect(applied.some((x) => x.length === 0)).toBe(true);
    } finally {
      await db.drop();
    }
  }, 180_000);
});
