import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BatchGetFindingDetailsCommand } from "@aws-sdk/client-inspector2";
import { inspector } from "@/emulator/test-support";
import { startSyncWorld, type SyncWorld } from "../test-support";
import { fetchDetails } from "./fetch-details";
import { writeIntel } from "./write-intel";

// Enrichment through the real sync and SDK against the emulator, on a real Postgres.

let w: SyncWorld;
const q = async <T = Record<string, unknown>>(sql: string, p: unknown[] = []) => (await w.database.pool.query(sql, p)).rows as T[];
const calls = () => w.emu.stats().requests.BatchGetFindingDetails ?? 0;
const eligible = `SELECT DISTINCT vulnerability_id AS id FROM findings WHERE status = 'ACTIVE' AND type = 'PACKAGE_VULNERABILITY'
  AND vulnerability_id IS NOT NULL AND (severity IN ('CRITICAL','HIGH') OR exploit_available = 'YES')`;

beforeAll(async () => {
  w = await startSyncWorld({ regions: ["us-east-1"], findings: 1500 });
});
afterAll(async () => w?.close());

describe("finding details enrichment", () => {
  it("fetches each eligible vulnerability once, 10 ARNs per call, and maps what the SDK returns", async () => {
    const r = await w.sync();
    expect(r.outcome).toBe("SUCCEEDED");
    const want = (await q<{ id: string }>(eligible)).map((x) => x.id).sort();
    const got = await q<{ vulnerability_id: string; state: string }>("SELECT * FROM vulnerability_intel ORDER BY 1");
    expect(got.map((x) => x.vulnerability_id)).toEqual(want);
    expect(got.every((x) => x.state === "OK")).toBe(true);
    expect(calls()).toBe(Math.ceil(want.length / 10));
    expect(r.regions[0].enrichment).toMatchObject({ targets: want.length, stored: want.length, calls: calls(), error: null });
    const [kev] = await q<{ vulnerability_id: string; source_arn: string; kev_date_due: Date; kev_action: string; kev_seen_at: Date; cwes: string[] }>(
      "SELECT * FROM vulnerability_intel WHERE in_kev ORDER BY 1 LIMIT 1");
    const client = inspector(w.emu);
    const d = (await client.send(new BatchGetFindingDetailsCommand({ findingArns: [kev.source_arn] }))).findingDetails![0];
    client.destroy();
    expect(kev.kev_date_due.toISOString()).toBe(d.cisaData!.dateDue!.toISOString());
    expect(kev.kev_action).toBe(d.cisaData!.action);
    expect(kev.cwes).toEqual(d.cwes);
    expect(Math.abs(kev.kev_seen_at.getTime() - w.emu.now().getTime())).toBeLessThan(60_000);
    expect(await q("SELECT 1 FROM finding_events WHERE kind = 'KEV'")).toHaveLength(0); // first sight is no transition
  });

  it("serves the next run from the cache: no calls when nothing changed", async () => {
    const before = calls();
    expect((await w.sync()).regions[0].enrichment).toMatchObject({ targets: 0, calls: 0 });
    expect(calls()).toBe(before);
  });

  it("refetches a vulnerability whose findings changed, and one past the TTL", async () => {
    const ids = (await q<{ id: string }>("SELECT vulnerability_id AS id FROM vulnerability_intel ORDER BY 1 LIMIT 3")).map((x) => x.id);
    await q("UPDATE vulnerability_intel SET basis_at = basis_at - interval '1 day' WHERE vulnerability_id = $1", [ids[0]]); // = a finding updated since
    await q("UPDATE vulnerability_intel SET fetched_at = fetched_at - interval '2 days' WHERE vulnerability_id = ANY($1)", [ids.slice(1)]);
    const before = calls();
    expect((await w.sync()).regions[0].enrichment).toMatchObject({ targets: 3, stored: 3, calls: 1 });
    expect(calls() - before).toBe(1);
  });

  it("records a KEV event on each open finding when a vulnerability enters KEV, and keeps when the cache first saw it", async () => {
    const [v] = await q<{ id: string }>("SELECT vulnerability_id AS id FROM vulnerability_intel WHERE in_kev ORDER BY 1 LIMIT 1");
    await q("UPDATE vulnerability_intel SET in_kev = false, kev_seen_at = NULL, basis_at = basis_at - interval '1 day' WHERE vulnerability_id = $1", [v.id]);
    const r = await w.sync();
    const open = await q("SELECT arn FROM findings WHERE vulnerability_id = $1 AND status = 'ACTIVE'", [v.id]);
    const events = await q<{ from_value: string; to_value: string; sync_run_id: number }>("SELECT * FROM finding_events WHERE kind = 'KEV'");
    expect(events).toHaveLength(open.length);
    expect(events.every((e) => e.from_value === "NO" && e.to_value === "YES" && e.sync_run_id === r.runId)).toBe(true);
    expect(r.regions[0].enrichment?.kevEvents).toBe(open.length);
    const [row] = await q<{ kev_seen_at: Date | null }>("SELECT kev_seen_at FROM vulnerability_intel WHERE vulnerability_id = $1", [v.id]);
    expect(row.kev_seen_at).not.toBeNull();
  });

  it("answers per-ARN errors: an unknown finding is stored as NOT_FOUND (KEV unknown) and never overwrites details", async () => {
    const [v] = await q<{ id: string; arn: string; in_kev: boolean }>("SELECT vulnerability_id AS id, source_arn AS arn, in_kev FROM vulnerability_intel ORDER BY 1 LIMIT 1");
    const client = inspector(w.emu);
    const basisAt = new Date(w.emu.now().getTime() - 86_400_000);
    const got = await fetchDetails(client, [
      { vulnerabilityId: v.id, arn: `${v.arn.slice(0, -4)}ffff`, basisAt },
      { vulnerabilityId: "CVE-0000-0001", arn: `${v.arn.slice(0, -4)}fffe`, basisAt },
    ], 1);
    client.destroy();
    expect(got).toMatchObject({ calls: 1, arnErrors: {}, failure: undefined });
    expect(got.rows.map((r) => [r.vulnerabilityId, r.state, r.inKev])).toEqual([[v.id, "NOT_FOUND", null], ["CVE-0000-0001", "NOT_FOUND", null]]);
    await writeIntel(w.database.pool, got.rows, w.emu.now(), 0);
    const rows = await q<{ id: string; state: string; in_kev: boolean | null }>(
      "SELECT vulnerability_id AS id, state, in_kev FROM vulnerability_intel WHERE vulnerability_id = ANY($1) ORDER BY 1", [[v.id, "CVE-0000-0001"]]);
    expect(rows).toEqual([{ id: "CVE-0000-0001", state: "NOT_FOUND", in_kev: null }, { id: v.id, state: "OK", in_kev: v.in_kev }]);
    await q("DELETE FROM vulnerability_intel WHERE vulnerability_id = 'CVE-0000-0001'");
  });

  it("paces itself under throttling and still stores everything", async () => {
    await q("UPDATE vulnerability_intel SET fetched_at = fetched_at - interval '2 days'");
    const n = (await q("SELECT 1 FROM vulnerability_intel")).length;
    w.emu.setOptions({ throttle: { BatchGetFindingDetails: 2 } });
    try {
      const r = await w.sync();
      expect(r.outcome).toBe("SUCCEEDED");
      expect(r.regions[0].enrichment).toMatchObject({ targets: n, stored: n, error: null });
      expect(w.emu.stats().throttled).toBeGreaterThan(0);
    } finally {
      w.emu.setOptions({ throttle: {} });
    }
  });

  it("a failing enrichment never fails the sync: the region's result and a run note say so", async () => {
    await q("UPDATE vulnerability_intel SET fetched_at = fetched_at - interval '2 days'");
    // Only the details calls are throttled, and without retries the second one fails.
    w.emu.setOptions({ throttle: { BatchGetFindingDetails: 0.5 } });
    try {
      const r = await w.sync({ config: { ...w.config, maxAttempts: 1, enrichment: { concurrency: 1 } } });
      expect(r.outcome).toBe("SUCCEEDED");
      expect(r.regions[0].status).toBe("OK");
      expect(r.regions[0].enrichment).toMatchObject({ stored: 10, calls: 2 });
      expect(r.regions[0].enrichment?.error).toMatch(/^THROTTLED/);
      const [run] = await q<{ notes: { kind: string; message: string }[] }>("SELECT notes FROM sync_runs WHERE id = $1", [r.runId]);
      expect(run.notes.find((n) => n.kind === "enrichment")?.message).toMatch(/10 of \d+ vulnerabilities stored/);
      const [res] = await q<{ checks: { enrichment: { error: string } } }>("SELECT checks FROM sync_region_results WHERE run_id = $1", [r.runId]);
      expect(res.checks.enrichment.error).toMatch(/THROTTLED/);
    } finally {
      w.emu.setOptions({ throttle: {} });
    }
  });
});
