// The production build as the container runs it: `node inspectorate.mjs` in a copy of
// .next/standalone (applies migrations, opens the embedded database or DATABASE_URL, runs the
// demo sync) answers its pages, health and metrics. Runs after `npm run build` (scripts/test.sh).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyTestDatabase } from "@/lib/db/test-database";
import { copyStandalone, startApp, waitFor, type AppProcess } from "./app-process";

let app: AppProcess;
let dir: string;
let dropDatabase = async () => {};

beforeAll(async () => {
  dir = copyStandalone();
  const env: Record<string, string> = { INSPECTORATE_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "standalone-data-")), INSPECTORATE_DEMO_FINDINGS: "300" };
  if (process.env.TEST_DATABASE_URL) {
    const empty = await createEmptyTestDatabase();
    env.DATABASE_URL = empty.url;
    dropDatabase = empty.drop;
  }
  app = await startApp(dir, env);
  await waitFor(app, "/api/health/ready");
});

afterAll(async () => {
  const code = await app?.stop();
  await dropDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
  expect(code).toBe(0);
});

describe("the standalone server", () => {
  it("is live and ready: database reachable, every migration applied", async () => {
    expect((await fetch(`${app.url}/api/health/live`)).status).toBe(200);
    const ready = await (await fetch(`${app.url}/api/health/ready`)).json();
    expect(ready).toMatchObject({ ready: true, database: { reachable: true }, migrations: { pending: [] } });
    expect(ready.migrations.applied).toBeGreaterThan(0);
  });

  it("serves every page with its styles once the demo sync finished", async () => {
    await expect.poll(async () => (await (await fetch(`${app.url}/api/health/ready`)).json()).lastSuccessfulSync, { timeout: 120_000, interval: 1_000 }).not.toBeNull();
    for (const page of ["/", "/accounts", "/coverage", "/findings", "/review", "/sync"]) {
      const r = await fetch(app.url + page);
      expect(r.status, page).toBe(200);
      expect(r.headers.get("x-request-id")).toBeTruthy();
      const html = await r.text();
      expect(html).toContain("Inspectorate");
      const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
      if (css) expect((await fetch(app.url + css)).status, css).toBe(200);
    }
  });

  it("exports Prometheus metrics and writes JSON log lines with request ids", async () => {
    const text = await (await fetch(`${app.url}/api/metrics`)).text();
    expect(text).toMatch(/inspectorate_sync_runs_total\{trigger="demo",outcome="SUCCEEDED"\} 1/);
    expect(text).toMatch(/inspectorate_http_request_duration_seconds_count\{kind="page",route="\/findings"/);
    expect(text).toMatch(/inspectorate_aws_requests_total\{region="us-east-1",operation="ListFindings"\} \d+/);
    expect(text).toMatch(/inspectorate_db_pool_connections\{state="total"\} \d/);
    const lines = app.output().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
    expect(lines.find((l) => l.msg === "request" && l.path === "/findings")).toMatchObject({ requestId: expect.any(String), status: 200 });
    expect(lines.find((l) => l.msg === "sync run finished")).toMatchObject({ runId: 1, outcome: "SUCCEEDED" });
  });

  it("serves pages a few at a time (INSPECTORATE_WEB_CONCURRENCY, 4): the others wait their turn, each counted", async () => {
    const sample = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1]);
    const metricsText = async () => (await fetch(`${app.url}/api/metrics`)).text();
    const before = await metricsText();
    const answers = await Promise.all(Array.from({ length: 12 }, async () => {
      const r = await fetch(`${app.url}/findings?group=cve`);
      return { status: r.status, page: await r.text() }; // a page's place is freed once it is all sent
    }));
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200));
    expect(answers.every((r) => r.page.includes('data-testid="group-table"'))).toBe(true);
    const after = await metricsText();
    // Every page passed the door (the scrape itself does not); with 12 at once and 4 places, some waited.
    expect(sample(after, "inspectorate_http_queue_wait_seconds_count") - sample(before, "inspectorate_http_queue_wait_seconds_count")).toBe(12);
    expect(sample(after, "inspectorate_http_queue_wait_seconds_sum")).toBeGreaterThan(sample(before, "inspectorate_http_queue_wait_seconds_sum"));
    expect(sample(after, "inspectorate_http_requests_waiting")).toBe(0);
    expect(sample(after, "inspectorate_http_requests_serving")).toBe(0);
  });
});
