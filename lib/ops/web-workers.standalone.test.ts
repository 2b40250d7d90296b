// The production build with INSPECTORATE_WEB_WORKERS=2: two server.js workers share the port
// (node:cluster in the launcher), both serve requests, a scrape sums both workers' metrics, the
// startup sync runs once between them, a scrape is a 503 while a worker cannot report, a worker that
// dies is replaced, and one that dies right after
// its start (a crash loop) stops the app with a non-zero code. Needs TEST_DATABASE_URL
// (more than one worker is refused beside the embedded database).
import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyTestDatabase } from "@/lib/db/test-database";
import { copyStandalone, startApp, waitFor, type AppProcess } from "./app-process";
import { heapNodeOptions, SEMI_SPACE_OPTION } from "./server-memory-env";

let app: AppProcess;
let dir: string;
let database: Awaited<ReturnType<typeof createEmptyTestDatabase>>;

/** The launcher's server.js workers, from /proc (server.js titles itself next-server). */
function workerPids(): number[] {
  const children = fs.readFileSync(`/proc/${app.child.pid}/task/${app.child.pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  return children.filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").startsWith("next-server");
    } catch {
      return false; // exited meanwhile
    }
  }).sort((a, b) => a - b);
}

/** How long ago a process started, from /proc (clock ticks of 10 ms). */
function ageMs(pid: number): number {
  const ticks = Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[19]);
  const uptime = Number(fs.readFileSync("/proc/uptime", "utf8").split(" ")[0]);
  return uptime * 1000 - ticks * 10;
}

/** A GET on a connection of its own: the launcher hands connections to the workers in turn, and
 *  fetch's pooled connection could carry most of a test's requests to one worker. */
const freshGet = (url: string) => new Promise<number>((resolve, reject) => {
  http.get(url, { agent: false }, (res) => {
    res.resume();
    res.on("end", () => resolve(res.statusCode ?? 0));
  }).on("error", reject);
});

const metricsText = async () => {
  const r = await fetch(`${app.url}/api/metrics`);
  expect(r.status).toBe(200);
  return r.text();
};
/** The sum of a series' samples whose labels include `labels`. */
const sample = (text: string, name: string, labels = "") =>
  text.split("\n").filter((l) => l.startsWith(name + (labels ? "{" : "")) && l.includes(labels)).reduce((sum, l) => sum + Number(l.split(" ").at(-1)), 0);
const requestLines = () => app.output().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l)).filter((l) => l.msg === "request" && l.path === "/api/sync");

beforeAll(async () => {
  if (!process.env.TEST_DATABASE_URL) throw new Error("web workers need TEST_DATABASE_URL (a Postgres server)");
  database = await createEmptyTestDatabase();
  dir = copyStandalone();
  app = await startApp(dir, { DATABASE_URL: database.url, INSPECTORATE_WEB_WORKERS: "2", INSPECTORATE_DEMO_FINDINGS: "300", INSPECTORATE_SYNC_INTERVAL_MINUTES: "60" });
  await waitFor(app, "/api/health/ready");
});

afterAll(async () => {
  const running = app?.child.exitCode === null;
  const code = await app?.stop();
  await database?.drop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  // The crash-loop test stops the app itself; otherwise SIGTERM is a clean stop.
  if (running) expect(code).toBe(0);
});

describe("two web workers", () => {
  it("share the port: both serve, and a scrape counts every request whichever worker served it", async () => {
    expect(workerPids()).toHaveLength(2);
    // The launcher gives each worker the memory settings (server-memory-env.ts), where the sync runs.
    for (const pid of workerPids()) {
      const environ = fs.readFileSync(`/proc/${pid}/environ`, "utf8").split("\0");
      expect(environ).toEqual(expect.arrayContaining(["MALLOC_ARENA_MAX=2", "MALLOC_MMAP_THRESHOLD_=2097152", "MALLOC_TRIM_THRESHOLD_=8388608"]));
      // The young generation's cap where V8's own is larger (this machine: a 4 GB heap limit, 64 MB semi-spaces).
      if (heapNodeOptions(undefined)) expect(environ.find((v) => v.startsWith("NODE_OPTIONS="))?.slice("NODE_OPTIONS=".length).split(" ")).toContain(SEMI_SPACE_OPTION);
    }
    const before = sample(await metricsText(), "inspectorate_http_request_duration_seconds_count", 'route="/api/sync"');
    for (let i = 0; i < 40; i++) expect(await freshGet(`${app.url}/api/sync`)).toBe(200);
    expect(sample(await metricsText(), "inspectorate_web_workers")).toBe(2);
    // A worker records a request when its response has finished, which can be just after the client
    // read it: the scrape that follows, answered by the other worker, may miss the newest one for a moment.
    await expect.poll(async () => sample(await metricsText(), "inspectorate_http_request_duration_seconds_count", 'route="/api/sync"') - before,
      { timeout: 10_000, interval: 200 }).toBe(40);
    // Each worker's log lines name it, and both answered some of the 40.
    await expect.poll(() => requestLines().length).toBeGreaterThanOrEqual(40);
    const byWorker = new Map<number, number>();
    for (const l of requestLines()) byWorker.set(l.worker, (byWorker.get(l.worker) ?? 0) + 1);
    expect([...byWorker.keys()].sort()).toEqual([1, 2]);
    expect(Math.min(...byWorker.values())).toBeGreaterThan(5);
  });

  it("run the startup sync once between them, and both show its numbers", async () => {
    await expect.poll(async () => (await (await fetch(`${app.url}/api/health/ready`)).json()).lastSuccessfulSync, { timeout: 120_000, interval: 1_000 }).not.toBeNull();
    await new Promise((r) => setTimeout(r, 4_000)); // the other worker's startup decision is taken by now
    const text = await metricsText();
    expect(sample(text, "inspectorate_sync_runs_total", 'outcome="SUCCEEDED"')).toBe(1);
    // The gauge every worker reads from sync_runs is the newest of theirs, not their sum.
    const at = sample(text, "inspectorate_last_successful_sync_timestamp_seconds");
    expect(Math.abs(at * 1000 - Date.now())).toBeLessThan(10 * 60_000);
    const statuses = await Promise.all(Array.from({ length: 6 }, async () => (await (await fetch(`${app.url}/api/sync`)).json()).lastRun));
    for (const s of statuses) expect(s).toEqual(statuses[0]);
  });

  it("replace a worker that died after it came up", async () => {
    const [victim, survivor] = workerPids();
    // A worker that dies within 20 s of its start stops the app (a crash loop): wait past that.
    while (ageMs(victim) < 21_000) await new Promise((r) => setTimeout(r, 1_000));
    process.kill(victim, "SIGKILL");
    await expect.poll(() => workerPids().filter((p) => p !== victim), { timeout: 30_000, interval: 500 }).toHaveLength(2);
    expect(workerPids()).toContain(survivor);
    await waitFor(app, "/api/health/ready");
    await expect.poll(async () => sample(await metricsText(), "inspectorate_web_workers"), { timeout: 30_000, interval: 1_000 }).toBe(2);
    expect(app.output()).toMatch(/web worker \d exited: starting a new one/);
    expect(app.output()).not.toMatch(/exited \d+ ms after it started/);
    for (let i = 0; i < 10; i++) expect((await fetch(`${app.url}/`)).status).toBe(200);
  });

  it("answer a scrape 503, never a partial sum, while a worker cannot report its metrics", async () => {
    const [frozen] = workerPids();
    process.kill(frozen, "SIGSTOP");
    try {
      // Connections handed to the frozen worker hang: retry until the other worker answers.
      let answered: Response | undefined;
      for (let i = 0; i < 10 && !answered; i++) {
        answered = await fetch(`${app.url}/api/metrics`, { signal: AbortSignal.timeout(12_000) }).catch(() => undefined);
      }
      expect(answered?.status).toBe(503);
      expect((await answered!.json()).error).toMatch(/metrics unavailable: a web worker did not report its metrics/);
    } finally {
      process.kill(frozen, "SIGCONT");
    }
    await expect.poll(async () => (await fetch(`${app.url}/api/metrics`, { signal: AbortSignal.timeout(12_000) })).status, { timeout: 30_000 }).toBe(200);
  });

  it("stop the app, with a non-zero code, when a new worker dies within 20 s of its start (a crash loop)", async () => {
    const exited = new Promise<number | null>((r) => (app.child.exitCode !== null ? r(app.child.exitCode) : app.child.once("exit", (code) => r(code))));
    const before = workerPids();
    const oldest = [...before].sort((a, b) => ageMs(b) - ageMs(a))[0];
    while (ageMs(oldest) < 21_000) await new Promise((r) => setTimeout(r, 1_000));
    // An old worker dies and is replaced; its replacement dies at once, as a broken deployment's would.
    process.kill(oldest, "SIGKILL");
    let young: number | undefined;
    await expect.poll(() => (young = workerPids().find((p) => !before.includes(p))), { timeout: 30_000, interval: 100 }).toBeDefined();
    process.kill(young!, "SIGKILL");
    expect(await exited).not.toBe(0);
    expect(app.output()).toMatch(/web worker \d exited \d+ ms after it started: stopping the app/);
    // The launcher stopped its other worker on the way out.
    expect(before.filter((pid) => fs.existsSync(`/proc/${pid}`))).toEqual([]);
  });
});
