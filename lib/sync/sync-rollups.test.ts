// The rollups stay equal to a recount of the findings through real syncs against the emulator:
// first load, simulated days (new, closed, reopened, suppressed findings), full re-listings, accounts
// leaving Inspector / the organization and coming back, a region dropped. Drift planted by hand is
// found, repaired and noted by the next full sync.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSyncWorld, type SyncWorld } from "./test-support";
import { openRollupDrift, rollupDrift } from "./integrity/rollup-check";

describe("finding rollups through the sync", () => {
  let w: SyncWorld;
  const q = async (sql: string, params: unknown[] = []) => (await w.database.pool.query(sql, params)).rows;
  // The rollups against a recount of the findings, and the open rollups against the rollups summed.
  const drift = async () => [...(await rollupDrift(w.database.pool)), ...(await openRollupDrift(w.database.pool))];
  const statuses = async () => (await q("SELECT status FROM finding_rollups WHERE findings > 0 GROUP BY 1 ORDER BY 1")).map((r) => r.status);
  const members = async () => (await q(
    `SELECT f.account_id FROM findings f JOIN accounts a ON a.id = f.account_id WHERE f.status = 'ACTIVE' AND NOT a.is_delegated_admin
     GROUP BY 1 ORDER BY count(*) DESC, 1`)).map((r) => r.account_id as string);
  // The day's snapshot as it was computed before the rollups: a scan of every finding.
  const snapshotFromFindings = async () => q(`
    SELECT account_id, severity, count(*) FILTER (WHERE status = 'ACTIVE')::int AS open,
      count(*) FILTER (WHERE first_observed_at >= $1 AND first_observed_at < $1 + interval '1 day')::int AS opened,
      count(*) FILTER (WHERE closed_at >= $1 AND closed_at < $1 + interval '1 day')::int AS closed,
      count(*) FILTER (WHERE status = 'SUPPRESSED')::int AS suppressed
    FROM findings GROUP BY 1, 2 HAVING count(*) FILTER (WHERE status IN ('ACTIVE', 'SUPPRESSED') OR first_observed_at >= $1 AND first_observed_at < $1 + interval '1 day'
      OR closed_at >= $1 AND closed_at < $1 + interval '1 day') > 0 ORDER BY 1, 2`, [new Date(w.emu.now().toISOString().slice(0, 10))]);
  const snapshot = async () => q(`SELECT account_id, severity, open, opened, closed, suppressed FROM daily_snapshots WHERE day = $1::date ORDER BY 1, 2`, [w.emu.now().toISOString().slice(0, 10)]);
  beforeAll(async () => {
    w = await startSyncWorld({ findings: 900 });
  });
  afterAll(async () => w?.close());

  it("first load, then simulated days of new, closed, reopened and suppressed findings", async () => {
    expect((await w.sync()).outcome).toBe("SUCCEEDED");
    expect(await drift()).toEqual([]);
    const [{ n }] = await q("SELECT sum(findings)::int AS n FROM finding_rollups");
    expect(n).toBe((await q("SELECT count(*)::int AS n FROM findings"))[0].n);
    for (const days of [3, 4]) {
      await w.emu.advance(days);
      expect((await w.sync()).outcome).toBe("SUCCEEDED");
      expect(await drift()).toEqual([]);
      const today = await snapshot();
      expect(today.length).toBeGreaterThan(0);
      expect(today).toEqual(await snapshotFromFindings()); // the day's snapshot reads the rollups
    }
    expect(await statuses()).toEqual(expect.arrayContaining(["ACTIVE", "CLOSED", "SUPPRESSED"]));
    const [events] = await q("SELECT count(*) FILTER (WHERE to_value = 'ACTIVE')::int AS reopened, count(*) FILTER (WHERE to_value = 'CLOSED')::int AS closed FROM finding_events WHERE kind = 'STATUS'");
    expect(events.closed).toBeGreaterThan(0);
    expect(events.reopened).toBeGreaterThan(0);
  });

  it("accounts leaving Inspector or the organization, suspended, rejoining, and a region dropped", async () => {
    const [left, suspended, leaving] = await members();
    expect(w.emu.change("leaveInspector", left)).toBe(true);
    expect((await w.sync({ full: true })).outcome).toBe("SUCCEEDED");
    expect(await drift()).toEqual([]);
    expect(await q("SELECT DISTINCT status FROM finding_rollups WHERE account_id = $1 AND findings > 0", [left])).toEqual([{ status: "GONE" }]);
    expect(w.emu.change("rejoin", left)).toBe(true);
    expect(w.emu.change("suspendAccount", suspended)).toBe(true);
    expect(w.emu.change("leaveOrganization", leaving)).toBe(true);
    expect((await w.sync()).outcome).toBe("SUCCEEDED");
    expect(await drift()).toEqual([]);
    const [back] = await q("SELECT sum(findings)::int AS n FROM finding_rollups WHERE account_id = $1 AND status = 'ACTIVE'", [left]);
    expect(back.n).toBeGreaterThan(0);
    expect((await w.sync({ config: { ...w.config, regions: ["us-east-1"] } })).outcome).toBe("SUCCEEDED");
    expect(await drift()).toEqual([]);
    expect(await q("SELECT DISTINCT status FROM finding_rollups WHERE region = 'eu-west-1' AND findings > 0")).toEqual([{ status: "GONE" }]);
  });

  it("a full sync finds planted drift, recomputes the rollups and says so in the run's notes", async () => {
    await q("UPDATE finding_rollups SET findings = findings + 5 WHERE ctid = (SELECT ctid FROM finding_rollups WHERE status = 'ACTIVE' LIMIT 1)");
    await q("DELETE FROM finding_rollups WHERE ctid = (SELECT ctid FROM finding_rollups WHERE status = 'CLOSED' AND findings > 0 LIMIT 1)");
    expect(await drift()).toHaveLength(2);
    const r = await w.sync({ full: true });
    expect(r.outcome).toBe("SUCCEEDED");
    expect(await drift()).toEqual([]);
    const [run] = await q("SELECT notes FROM sync_runs WHERE id = $1", [r.runId]);
    expect(run.notes).toContainEqual({ kind: "integrity", message: "Finding rollups differed from a recount in 2 cell(s); recomputed" });
    expect(await q("SELECT count(*)::int AS n FROM finding_rollups WHERE findings = 0")).toEqual([{ n: 0 }]); // pruned
  });

  it("a full sync mends the resource aliases (missing and stale pairs) and says so in the run's notes", async () => {
    const [{ n: kept }] = await q("SELECT count(*)::int AS n FROM finding_resource_aliases");
    // The race's outcome (lib/sync/integrity/resource-aliases-repair.ts): a resource known under two
    // names with no aliases; and a pair left behind for a resource known under one name.
    const [one] = await q("SELECT resource_id FROM finding_resource_names GROUP BY resource_id HAVING count(*) = 1 LIMIT 1");
    await q("INSERT INTO finding_resource_names (resource_id, name, search) VALUES ('i-planted', 'a', 'i-planted\na'), ('i-planted', 'b', 'i-planted\nb')");
    await q("DELETE FROM finding_resource_aliases WHERE resource_id = 'i-planted'");
    await q("INSERT INTO finding_resource_aliases (resource_id, name, search) VALUES ($1, 'stale', 'stale')", [one.resource_id]);
    const r = await w.sync({ full: true });
    expect(r.outcome).toBe("SUCCEEDED");
    const [run] = await q("SELECT notes FROM sync_runs WHERE id = $1", [r.runId]);
    expect(run.notes).toContainEqual({ kind: "integrity", message: "Resource aliases differed from the resources' names (2 added, 1 removed); mended" });
    expect(await q("SELECT name FROM finding_resource_aliases WHERE resource_id IN ('i-planted', $1) ORDER BY name", [one.resource_id])).toEqual([{ name: "a" }, { name: "b" }]);
    expect(await q("SELECT count(*)::int AS n FROM finding_resource_aliases")).toEqual([{ n: kept + 2 }]);
  });
});
