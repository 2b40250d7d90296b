import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type EmulatorHandle } from "@/emulator/server";
import { emulatorAwsEnv } from "@/emulator/aws-env";
import { allFindings, inspector, TEST_NOW } from "@/emulator/test-support";
import { createEmptyTestDatabase } from "@/lib/db/test-database";

const root = path.resolve(import.meta.dirname, "..", "..");
const regions = ["us-east-1", "eu-west-1"];

/** `npm run sync` as a user runs it: a separate process, configured only through the environment. */
function runCli(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_") && !k.startsWith("INSPECTORATE_") && k !== "DATABASE_URL"));
  const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "lib/sync/cli.ts"], { cwd: root, env: { ...clean, ...env } as NodeJS.ProcessEnv });
  let stdout = "", stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("npm run sync", () => {
  let emu: EmulatorHandle;
  let database: Awaited<ReturnType<typeof createEmptyTestDatabase>>;
  beforeAll(async () => {
    emu = await startEmulator({ seed: 7, accounts: 4, findings: 600, regions, now: TEST_NOW });
    database = await createEmptyTestDatabase();
  });
  afterAll(async () => {
    await emu?.close();
    await database?.drop();
  });

  it("migrates, syncs every region through the assumed role, reports each region and exits 0", async () => {
    const r = await runCli({
      DATABASE_URL: database.url,
      // The test's PGlite is one session: one connection, as the launcher does for the app.
      DATABASE_POOL_MAX: database.flavour === "pglite" ? "1" : "4",
      ...emulatorAwsEnv(emu, emu.baseCredentials, regions),
    });
    expect({ code: r.code, stderr: r.stderr, stdout: r.stdout.slice(-800) }).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/sync run #1: SUCCEEDED/);
    for (const region of regions) expect(r.stdout).toMatch(new RegExp(`${region}: OK \\(full, \\d+ findings\\)`));
    expect(r.stdout).not.toContain(emu.baseCredentials.secretAccessKey);

    let expected = 0;
    for (const region of regions) expected += (await allFindings(inspector(emu, region))).length;
    const c = new pg.Client({ connectionString: database.url });
    await c.connect();
    const { rows } = await c.query("SELECT count(*)::int AS n FROM findings");
    await c.end();
    expect(rows[0].n).toBe(expected);
  });

  it("stops with one line and exit code 78 on bad configuration", async () => {
    const r = await runCli({ DATABASE_URL: database.url, INSPECTORATE_REGIONS: "us-east-1,mars-1" });
    expect(r.code).toBe(78);
    expect(r.stderr.trim().split("\n")).toEqual(['inspectorate sync: config error: INSPECTORATE_REGIONS: "mars-1" is not valid: expected an AWS region such as us-east-1 (got "us-east-1,mars-1")']);
  });

  it("stops with one line that never carries the database password when the database does not answer", async () => {
    const r = await runCli({ DATABASE_URL: "postgresql://app:cli-s3cret@127.0.0.1:1/x" });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toContain("cli-s3cret");
  });
});
