import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSyncWorld, type SyncWorld } from "../test-support";

// Two regions share one cache per vulnerability: each is asked once, in one region.

let w: SyncWorld;
beforeAll(async () => {
  w = await startSyncWorld({ regions: ["us-east-1", "eu-west-1"], findings: 1500 });
});
afterAll(async () => w?.close());

describe("enrichment across regions", () => {
  it("asks for each vulnerability once, split by region, at 10 ARNs per call", async () => {
    const r = await w.sync();
    expect(r.outcome).toBe("SUCCEEDED");
    const { rows } = await w.database.pool.query(`SELECT count(DISTINCT vulnerability_id)::int AS n FROM findings WHERE status = 'ACTIVE'
      AND type = 'PACKAGE_VULNERABILITY' AND vulnerability_id IS NOT NULL AND (severity IN ('CRITICAL','HIGH') OR exploit_available = 'YES')`);
    const e = r.regions.map((x) => x.enrichment!);
    expect(e.reduce((n, x) => n + x.targets, 0)).toBe(rows[0].n);
    expect(e.reduce((n, x) => n + x.stored, 0)).toBe(rows[0].n);
    expect(e.every((x) => x.calls === Math.ceil(x.targets / 10) && x.error === null)).toBe(true);
    expect(w.emu.stats().requests.BatchGetFindingDetails).toBe(e.reduce((n, x) => n + x.calls, 0));
    expect((await w.database.pool.query("SELECT 1 FROM vulnerability_intel")).rowCount).toBe(rows[0].n);
  });

  it("turned off, no details are asked for and the regions carry no enrichment", async () => {
    const before = w.emu.stats().requests.BatchGetFindingDetails;
    await w.database.pool.query("UPDATE vulnerability_intel SET fetched_at = fetched_at - interval '2 days'");
    const r = await w.sync({ config: { ...w.config, enrichment: { enabled: false } } });
    expect(r.regions.every((x) => x.enrichment === undefined)).toBe(true);
    expect(w.emu.stats().requests.BatchGetFindingDetails).toBe(before);
  });
});
