import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSyncWorld, type SyncWorld } from "@/lib/sync/test-support";

describe("POST/GET /api/sync and the Sync now action", () => {
  let w: SyncWorld;
  let route: typeof import("./route");
  let action: typeof import("@/lib/actions/sync-now");
  beforeAll(async () => {
    w = await startSyncWorld({ findings: 600 });
    // The app reads its configuration from the environment, exactly as in production.
    Object.assign(process.env, {
      DATABASE_URL: w.database.url,
      INSPECTORATE_ROLE_ARN: w.emu.roleArn,
      INSPECTORATE_EXTERNAL_ID: w.emu.externalId,
      INSPECTORATE_REGIONS: w.config.regions.join(","),
      INSPECTORATE_DEMO: "1",
      // As the launcher does for the embedded database: one connection (PGlite is one session).
      ...(w.database.flavour === "pglite" ? { INSPECTORATE_EMBEDDED_DB: "1" } : {}),
    });
    route = await import("./route");
    action = await import("@/lib/actions/sync-now");
  });
  afterAll(async () => {
    const { db } = await import("@/lib/db/client");
    await db().close();
    await w?.close();
  });

  const get = async () => (await route.GET(new Request("http://127.0.0.1:3000/api/sync"))).json();
  const post = (body?: string) => route.POST(new Request("http://127.0.0.1:3000/api/sync", { method: "POST", body, headers: { "content-type": "application/json" } }));

  it("answers GET before any run with nothing running and no last run", async () => {
    expect(await get()).toEqual({ running: false, progress: null, lastRun: null });
  });

  it("rejects a malformed body with 400 and a reason", async () => {
    const bad = await post('{"full": "yes"}');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain("full");
    expect((await post("{nope")).status).toBe(400);
    expect((await post('{"other": 1}')).status).toBe(400);
  });

  it("starts a background run (202 + id), refuses a second one (409), and reports progress until done", async () => {
    const res = await post("{}");
    expect(res.status).toBe(202);
    const { runId } = await res.json();
    expect(runId).toBeGreaterThan(0);
    const again = await post();
    expect(again.status).toBe(409);
    expect((await again.json()).error).toContain(`a sync is already running (run #${runId}`);
    expect(await action.syncNow()).toMatchObject({ ok: false, reason: "already-running" });

    const during = await get();
    expect(during.running).toBe(true);
    expect(during.progress.runId).toBe(runId);
    let status = during;
    for (let i = 0; i < 300 && status.running; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await get();
    }
    expect(status.running).toBe(false);
    expect(status.lastRun.error).toBeNull();
    expect(status.lastRun).toMatchObject({ id: runId, outcome: "SUCCEEDED", demo: true, trigger: "demo" });
    expect(status.progress).toMatchObject({ runId, outcome: "SUCCEEDED", phase: "done" });
    expect(status.progress.findings).toBeGreaterThan(0);
  });

  it("the server action starts the next run once the last one finished", async () => {
    const r = await action.syncNow({ full: false });
    expect(r).toMatchObject({ ok: true });
    expect(await action.syncNow({ full: "no" })).toMatchObject({ ok: false, reason: "error" });
    const { launchSync } = await import("@/lib/sync/background");
    expect(() => launchSync({ trigger: "manual" })).toThrow("already running");
    let status = await get();
    for (let i = 0; i < 300 && status.running; i++) {
      await new Promise((res) => setTimeout(res, 100));
      status = await get();
    }
    expect(status.lastRun.outcome).toBe("SUCCEEDED");
  });
});
