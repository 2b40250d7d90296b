import { describe, expect, it } from "vitest";
import { TEMPLATES } from "../catalogue/templates";
import { createWorld } from "./create-world";
import { advanceDays } from "./advance";
import { findingArn, findingIndexFromArn, materialiseFinding } from "./finding-view";
import { CLOSED, DELETED, DISABLED, REASONS, SUPPRESSED, SUSPENDED_STATE, type World } from "./types";

const opts = { seed: 7, accounts: 12, regions: ["us-east-1", "eu-west-1", "ap-southeast-2"], findings: 4000, historyWeeks: 12, closedRetentionDays: 30, now: new Date("2026-11-20T12:00:00Z") };
const count = (w: World, pred: (i: number) => boolean) => { let c = 0; for (let i = 0; i < w.f.res.length; i++) if (pred(i)) c++; return c; };

describe("world generation", () => {
  const w = createWorld(opts);

  it("is deterministic for a seed and differs across seeds", () => {
    const again = createWorld(opts);
    const other = createWorld({ ...opts, seed: 8 });
    expect(again.f.res.length).toBe(w.f.res.length);
    for (const i of [0, 1, 100, w.f.res.length - 1]) expect(materialiseFinding(again, i)).toEqual(materialiseFinding(w, i));
    expect(materialiseFinding(other, 0)).not.toEqual(materialiseFinding(w, 0));
  });

  it("produces about the requested number of findings with a realistic severity mix", () => {
    expect(w.f.res.length).toBeGreaterThan(3600);
    expect(w.f.res.length).toBeLessThan(4400);
    const sev: Record<string, number> = {};
    for (let i = 0; i < w.f.res.length; i++) { const s = TEMPLATES[w.f.tpl.data[i]].severity; sev[s] = (sev[s] ?? 0) + 1; }
    expect(sev.CRITICAL).toBeLessThan(sev.HIGH);
    expect(sev.CRITICAL).toBeLessThan(sev.MEDIUM);
    for (const s of ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNTRIAGED"]) expect(sev[s]).toBeGreaterThan(0);
    const types = new Set(Array.from({ length: w.f.res.length }, (_, i) => TEMPLATES[w.f.tpl.data[i]].type));
    expect(types).toEqual(new Set(["PACKAGE_VULNERABILITY", "NETWORK_REACHABILITY", "CODE_VULNERABILITY"]));
  });

  it("spreads history over the weeks and keeps closed findings within retention", () => {
    const edge = w.start - 30 * 86400;
    expect(count(w, (i) => w.f.status.data[i] === CLOSED)).toBeGreaterThan(400);
    expect(count(w, (i) => w.f.status.data[i] === CLOSED && w.f.updated.data[i] < edge)).toBe(0);
    expect(count(w, (i) => w.f.status.data[i] === SUPPRESSED)).toBeGreaterThan(0);
    const weeks = new Set(Array.from({ length: w.f.res.length }, (_, i) => Math.floor((w.start - w.f.first.data[i]) / (7 * 86400))).filter((k) => k < 12));
    expect(weeks.size).toBe(12);
    expect(count(w, (i) => w.f.last.data[i] < w.f.first.data[i] || w.f.updated.data[i] < w.f.last.data[i])).toBe(0);
  });

  it("never repeats a vulnerability on one resource and round-trips finding ARNs", () => {
    const seen = new Set<string>();
    for (let i = 0; i < w.f.res.length; i++) {
      const k = `${w.f.res.data[i]}:${w.f.tpl.data[i]}`;
      expect(seen.has(k)).toBe(false);
      seen.add(k);
    }
    const arn = findingArn(w, 123);
    expect(arn).toMatch(/^arn:aws:inspector2:[a-z0-9-]+:\d{12}:finding\/[0-9a-f]{32}$/);
    expect(findingIndexFromArn(w, arn)).toBe(123);
    expect(findingIndexFromArn(w, arn.replace(/.$/, (c) => (c === "0" ? "1" : "0")))).toBe(-1);
  });

  it("has disabled and suspended regions and inactive coverage for real reasons", () => {
    expect([...w.arState]).toContain(DISABLED);
    expect([...w.arState]).toContain(SUSPENDED_STATE);
    const reasons = new Set(Array.from(w.res.reason.data.subarray(0, w.res.type.length), (r) => REASONS[r]));
    for (const r of ["UNMANAGED_EC2_INSTANCE", "SCAN_ELIGIBILITY_EXPIRED", "UNSUPPORTED_RUNTIME", "PENDING_INITIAL_SCAN"]) expect(reasons).toContain(r);
  });

  it("advancing closes, opens and purges findings and stamps updatedAt", () => {
    const x = createWorld(opts);
    const before = x.f.res.length, t0 = x.clock;
    advanceDays(x, 40);
    expect(x.f.res.length).toBeGreaterThan(before);
    expect(x.clock).toBe(t0 + 40 * 86400);
    expect(count(x, (i) => x.f.status.data[i] === DELETED)).toBeGreaterThan(0);
    expect(count(x, (i) => x.f.status.data[i] === CLOSED && x.f.updated.data[i] < x.clock - 30 * 86400)).toBe(0);
    expect(count(x, (i) => x.f.updated.data[i] > x.clock)).toBe(0);
  });

  it("scales a day's changes with dailyChurn", () => {
    const changed = (dailyChurn: number) => {
      const x = createWorld({ ...opts, findings: 20000, dailyChurn });
      const t0 = x.clock;
      advanceDays(x, 1);
      return count(x, (i) => x.f.updated.data[i] > t0);
    };
    const normal = changed(1), quarter = changed(0.25);
    expect(quarter).toBeGreaterThan(0);
    expect(quarter / normal).toBeGreaterThan(0.15);
    expect(quarter / normal).toBeLessThan(0.4);
  });
});
