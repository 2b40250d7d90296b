import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "@aws-sdk/client-inspector2";
import { startEmulator, type EmulatorHandle } from "./server";
import { allFindings, inspector, TEST_NOW } from "./test-support";

// The clock: advance() changes are visible to an incremental sync filtering on updatedAt.

let h: EmulatorHandle;
beforeAll(async () => { h = await startEmulator({ seed: 31, accounts: 8, findings: 2500, now: TEST_NOW }); });
afterAll(() => h.close());

const byArn = (fs: Finding[]) => new Map(fs.map((f) => [f.findingArn!, f]));

describe("advance", () => {
  it("new, closed, reopened and newly exploitable findings all show up through an updatedAt filter", async () => {
    const c = inspector(h);
    const before = byArn(await allFindings(c));
    const mark = h.now();
    expect(mark.getTime()).toBe(TEST_NOW.getTime());
    await h.advance(10);
    expect(h.now().getTime()).toBe(mark.getTime() + 10 * 86400_000);
    const changed = await allFindings(c, { updatedAt: [{ startInclusive: mark }] });
    expect(changed.every((f) => f.updatedAt!.getTime() >= mark.getTime() && f.updatedAt!.getTime() <= h.now().getTime())).toBe(true);
    const now = byArn(await allFindings(c));
    // Everything that differs from the earlier listing carries a newer updatedAt.
    for (const [arn, f] of now) {
      const old = before.get(arn);
      if (!old || old.status !== f.status || old.exploitAvailable !== f.exploitAvailable) expect(f.updatedAt!.getTime()).toBeGreaterThanOrEqual(mark.getTime());
    }
    const fresh = changed.filter((f) => !before.has(f.findingArn!));
    const closed = changed.filter((f) => f.status === "CLOSED" && before.has(f.findingArn!) && before.get(f.findingArn!)!.status !== "CLOSED");
    const reopened = changed.filter((f) => f.status !== "CLOSED" && before.get(f.findingArn!)?.status === "CLOSED");
    const exploitable = changed.filter((f) => f.exploitAvailable === "YES" && before.get(f.findingArn!)?.exploitAvailable === "NO");
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((f) => f.firstObservedAt!.getTime() > mark.getTime())).toBe(true);
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((f) => f.lastObservedAt!.getTime() === before.get(f.findingArn!)!.lastObservedAt!.getTime())).toBe(true);
    expect(reopened.length).toBeGreaterThan(0);
    expect(exploitable.length).toBeGreaterThan(0);
    const stale = await allFindings(c, { updatedAt: [{ endInclusive: new Date(mark.getTime() - 1000) }], findingStatus: [{ comparison: "EQUALS", value: "ACTIVE" }] });
    expect(stale.every((f) => before.get(f.findingArn!)?.status === "ACTIVE")).toBe(true);
  });

  it("closed findings past retention disappear", async () => {
    await h.advance(35);
    const closed = await allFindings(inspector(h), { findingStatus: [{ comparison: "EQUALS", value: "CLOSED" }] });
    const edge = h.now().getTime() - 30 * 86400_000;
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((f) => f.updatedAt!.getTime() >= edge)).toBe(true);
  });

  it("control endpoints advance the clock, report state and set options", async () => {
    const state0 = await (await fetch(`${h.url}/_emulator/state`)).json();
    const adv = await fetch(`${h.url}/_emulator/advance`, { method: "POST", body: JSON.stringify({ days: 2 }) });
    const state1 = await adv.json();
    expect(state1.daysAdvanced).toBe(state0.daysAdvanced + 2);
    expect(Date.parse(state1.clock) - Date.parse(state0.clock)).toBe(2 * 86400_000);
    expect(state1.findings.ACTIVE).toBeGreaterThan(0);
    const opt = await fetch(`${h.url}/_emulator/options`, { method: "POST", body: JSON.stringify({ latencyMs: 0, faultRate: 0 }) });
    expect(opt.status).toBe(200);
    const bad = await fetch(`${h.url}/_emulator/options`, { method: "POST", body: JSON.stringify({ colour: 1 }) });
    expect(bad.status).toBe(400);
    expect((await fetch(`${h.url}/_emulator/advance`, { method: "POST", body: "{oops" })).status).toBe(400);
  });
});

describe("determinism", () => {
  it("the same seed and start time give identical findings through the API", async () => {
    const a = await startEmulator({ seed: 77, accounts: 5, findings: 600, now: TEST_NOW });
    const b = await startEmulator({ seed: 77, accounts: 5, findings: 600, now: TEST_NOW });
    const d = await startEmulator({ seed: 78, accounts: 5, findings: 600, now: TEST_NOW });
    try {
      const fa = await allFindings(inspector(a)), fb = await allFindings(inspector(b)), fd = await allFindings(inspector(d));
      expect(fa.length).toBeGreaterThan(100);
      expect(JSON.stringify(fb)).toBe(JSON.stringify(fa));
      expect(fd.map((f) => f.findingArn)).not.toEqual(fa.map((f) => f.findingArn));
      await a.advance(3); await b.advance(3);
      expect(JSON.stringify(await allFindings(inspector(b)))).toBe(JSON.stringify(await allFindings(inspector(a))));
    } finally {
      await Promise.all([a.close(), b.close(), d.close()]);
    }
  });
});
