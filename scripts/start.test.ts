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

  it("stops with one line on a read replica beside the embedded database, never echoing its password", () => {
    const r = run({ DATABASE_URL: "", DATABASE_READ_URL: "postgresql://app:replica-s3cret@127.0.0.1:1/x" });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toEqual([
      'inspectorate: config error: DATABASE_READ_URL: a read replica needs DATABASE_URL (a PostgreSQL server): the embedded database has no replicas (got "postgresql://app:***@127.0.0.1:1/x")',
    ]);
  });

  it("stops with one line when the database cannot be reached, without its password", () => {
    const r = run({ DATABASE_URL: "postgresql://nobody:primary-s3cret@127.0.0.1:1/none" });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toContain("primary-s3cret");
  });

  it("stops with one line when the database cannot be reached", () => {
    const r = run({ DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^inspectorate: could not start: /);
  });
});
