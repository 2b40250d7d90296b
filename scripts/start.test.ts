import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const run = (env: Record<string, string>) =>
  spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts", "start"], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 30_000,
  });

describe("the launcher", () => {
  it("stops with one clear line on a bad DATABASE_URL", () => {
    const r = run({ DATABASE_URL: "not-a-url" });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toEqual(['inspectorate: config error: DATABASE_URL: expected a postgres:// or postgresql:// URL (got "not-a-url")']);
  });

  it("stops with one line when the database cannot be reached", () => {
    const r = run({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^inspectorate: could not start: /);
  });
});
