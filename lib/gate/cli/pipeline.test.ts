// The pipeline the gate exists for, end to end with separate processes: push an image to the
// emulator, `npm run gate -- --image … --wait` fails on its critical exploitable fixable finding,
// a risk exception passes it, and both decisions are in the app's list.
import { execFile, spawn } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSyncWorld, type SyncWorld } from "@/lib/sync/test-support";
import { emulatorAwsEnv } from "@/emulator/aws-env";
import { serveRoute } from "../test-support/route-server";

const run = promisify(execFile);
const TOKEN = "pipeline-test-token-0123456789";
let w: SyncWorld, app: { url: string; close(): Promise<void> }, childEnv: NodeJS.ProcessEnv;

async function gate(cmd: "npm" | "bundle", args: string[]) {
  const argv = cmd === "npm" ? ["npm", ["run", "--silent", "gate", "--", ...args]] as const : ["node", ["dist/gate.cjs", ...args]] as const;
  try {
    const r = await run(argv[0], [...argv[1]], { env: childEnv, timeout: 120_000 });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, out: x.stdout, err: x.stderr };
  }
}

/** Runs the CLI and completes the image's scan once the CLI says it is waiting for it. */
function gateWhileScanning(args: string[], digest: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn("npm", ["run", "--silent", "gate", "--", ...args], { env: childEnv });
  let out = "", err = "", completed = false;
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => {
    err += d;
    if (!completed && err.includes("waiting for Inspector's scan")) {
      completed = true;
      void fetch(`${w.emu.url}/_emulator/ecr/scan`, { method: "POST", body: JSON.stringify({ digest }) });
    }
  });
  return new Promise((ok) => child.on("close", (code) => ok({ code, out, err })));
}

const push = async (body: unknown) => (await fetch(`${w.emu.url}/_emulator/ecr/push`, { method: "POST", body: JSON.stringify(body) })).json();

beforeAll(async () => {
  w = await startSyncWorld({ regions: ["us-east-1"], findings: 300, now: new Date() });
  Object.assign(process.env, { DATABASE_URL: w.database.url, INSPECTORATE_GATE_TOKEN: TOKEN, ...(w.database.flavour === "pglite" ? { INSPECTORATE_EMBEDDED_DB: "1" } : {}) });
  const route = await import("@/app/api/gate/route");
  app = await serveRoute(route.POST);
  childEnv = { ...process.env, ...emulatorAwsEnv(w.emu, w.emu.baseCredentials, ["us-east-1"]), INSPECTORATE_GATE_TOKEN: TOKEN, INSPECTORATE_URL: app.url,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", GITHUB_WORKFLOW: "", CI_JOB_NAME: "pipeline-test" };
  await w.sync();
  await run("npm", ["run", "--silent", "build:gate"], { env: childEnv });
}, 240_000);
afterAll(async () => {
  await app?.close();
  const { db } = await import("@/lib/db/client");
  await db().close();
  await w?.close();
});

describe("gate pipeline", () => {
  it("fails a freshly pushed image on its critical exploitable fixable finding, then passes it under a risk exception", async () => {
    const img = await push({ repository: "payments/api", tags: ["v7"], scanDelaySeconds: 3600, packages: [{ name: "curl" }] });
    const ref = `payments/api@${img.digest}`;
    const failed = await gateWhileScanning(["--image", ref, "--wait", "--timeout", "90", "--poll", "1"], img.digest);
    expect(failed.err).toMatch(/waiting for Inspector's scan \(PENDING_INITIAL_SCAN\)/);
    expect(failed.out).toMatch(/^FAIL {2}payments\/api@sha256:/);
    expect(failed.out).toMatch(/✗ CRITICAL CVE-2023-38545 curl {2}broke no-exploitable-fixable-critical/);
    expect(failed.code).toBe(1);

    await w.sync(); // the team sees the finding in the app and accepts the risk there
    const { createRiskException } = await import("@/lib/actions/risk-exception-store");
    const { localActor } = await import("@/lib/auth/request-actor");
    const expiresOn = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const ex = await createRiskException({ actor: localActor }, { target: "vulnerability", vulnerabilityId: "CVE-2023-38545", resourceIds: [img.resourceId],
      reason: "SOCKS5 proxy support is compiled out of this image", owner: "payments-team", expiresOn });
    expect(ex.ok).toBe(true);
    if (!ex.ok) throw new Error("exception refused");
    const id = ex.id; // the public id: gate answers never show the serial
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);

    const passed = await gate("npm", ["--image", ref, "--wait", "--timeout", "30", "--poll", "1"]);
    expect(passed.out).toMatch(/^PASS {2}payments\/api@sha256:/);
    expect(passed.out).toContain(`CVE-2023-38545 curl  passed by exception ${id} (payments-team: SOCKS5 proxy support`);
    expect(passed.code).toBe(0);

    const { listDecisions } = await import("@/lib/queries/gate/decisions");
    const { allScope } = await import("@/lib/queries/scope");
    const list = await listDecisions(allScope, { artifact: img.digest });
    if (!list.ok) throw new Error(list.reason);
    const listed = list.rows;
    expect(listed.map((d) => [d.verdict, d.source, d.exceptionIds, d.actorName])).toEqual([
      ["pass", "inspector", [id], "gate token (pipeline-test)"], ["fail", "inspector", [], "gate token (pipeline-test)"],
    ]);
    expect(listed[1].result.failing[0]).toMatchObject({ vulnerabilityId: "CVE-2023-38545", rules: ["no-exploitable-fixable-critical"] });
  }, 300_000);

  it("the single-file bundle runs with plain node: undecidable exits 2, cache decisions by tag, every format", async () => {
    const manual = await push({ repository: "payments/manual", scanDelaySeconds: 0, scanFrequency: "MANUAL", packages: [{ name: "curl" }] });
    const undecided = await gate("bundle", ["--image", `payments/manual@${manual.digest}`, "--wait", "--timeout", "5", "--poll", "1"]);
    expect(undecided.out).toContain("? scanning-disabled: Inspector does not scan this artifact (SCAN_FREQUENCY_MANUAL)");
    expect(undecided.code).toBe(2);

    const slow = await push({ repository: "payments/slow", scanDelaySeconds: 600, packages: [{ name: "curl" }] });
    const timedOut = await gate("bundle", ["--image", `payments/slow@${slow.digest}`, "--wait", "--timeout", "2", "--poll", "1", "--format", "junit"]);
    expect(timedOut.out).toMatch(/<error message="undecidable">the scan is not complete yet \(PENDING_INITIAL_SCAN\)/);
    expect(timedOut.code).toBe(2);

    const clean = await push({ repository: "payments/clean", tags: ["v1"], scanDelaySeconds: 0, packages: [{ name: "left-pad" }] });
    await w.sync();
    const byTag = await gate("bundle", ["--image", "payments/clean:v1", "--format", "json"]);
    expect(byTag.code).toBe(0);
    const answer = JSON.parse(byTag.out);
    expect(answer).toMatchObject({ verdict: "pass", source: "cache", resolved: { digest: clean.digest } });

    const sarif = await gate("bundle", ["--image", `payments/api:v7`, "--format", "sarif"]);
    const doc = JSON.parse(sarif.out);
    expect(doc.version).toBe("2.1.0");
    expect(doc.runs[0].results[0].suppressions[0].justification).toMatch(/^exception [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12} \(payments-team\)/);
    expect(sarif.code).toBe(0);

    const usage = await gate("bundle", ["--image", "x@sha256:nope"]);
    expect(usage.code).toBe(3);
    const wrongToken = await run("node", ["dist/gate.cjs", "--image", "payments/clean:v1"], { env: { ...childEnv, INSPECTORATE_GATE_TOKEN: "wrong-token-wrong-token" } }).catch((e) => e);
    expect(wrongToken.code).toBe(3);
    expect(wrongToken.stderr).toMatch(/the app answered 40[13]/); // unknown bearer: refused by the guard
  }, 300_000);
});
