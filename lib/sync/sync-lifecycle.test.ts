import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSyncWorld, type SyncWorld } from "./test-support";
import { inspectorListing } from "./model/world-truth";
import { latestIntegrity } from "./integrity/latest-integrity";

// Done when: against an Inspector whose member account leaves Inspector, after the next full
// sync the cache's open count equals Inspector's ACTIVE count and the account is marked as left.
describe("a member account leaves Inspector", () => {
  let w: SyncWorld;
  let member: string;
  const q = async (sql: string, params: unknown[] = []) => (await w.database.pool.query(sql, params)).rows;
  const inspectorActive = async () => [...(await inspectorListing(w.emu, w.config.regions)).values()].filter((f) => f.status === "ACTIVE").length;
  const cacheOpen = async () => (await q("SELECT count(*)::int AS n FROM findings WHERE status = 'ACTIVE'"))[0].n as number;
  beforeAll(async () => {
    w = await startSyncWorld({ findings: 900 });
    expect((await w.sync()).outcome).toBe("SUCCEEDED");
    const [top] = await q(
      `SELECT f.account_id FROM findings f JOIN accounts a ON a.id = f.account_id
       WHERE f.status = 'ACTIVE' AND NOT a.is_delegated_admin GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
    );
    member = top.account_id;
  });
  afterAll(async () => w?.close());

  it("after the next full sync, the cache's open count equals Inspector's ACTIVE count and the account has left", async () => {
    const before = await cacheOpen();
    expect(w.emu.change("leaveInspector", member)).toBe(true);
    const active = await inspectorActive();
    expect(active).toBeLessThan(before); // its findings left every Inspector answer
    const r = await w.sync({ full: true });
    expect(r.outcome).toBe("SUCCEEDED");
    expect(await cacheOpen()).toBe(active);
    const [acct] = await q("SELECT lifecycle, lifecycle_since FROM accounts WHERE id = $1", [member]);
    expect(acct).toEqual({ lifecycle: "LEFT_INSPECTOR", lifecycle_since: w.emu.now() });
    const [run] = await q("SELECT notes FROM sync_runs WHERE id = $1", [r.runId]);
    expect(run.notes).toContainEqual({ kind: "lifecycle", message: `account ${member}: Active → Left Inspector` });
    const gone = await q("SELECT status, gone_reason, count(*)::int AS n FROM findings WHERE account_id = $1 GROUP BY 1, 2", [member]);
    expect(gone.map((g) => [g.status, g.gone_reason])).toEqual([["GONE", "ACCOUNT_LEFT_INSPECTOR"]]);
    const [from] = await q("SELECT count(*)::int AS n FROM findings WHERE account_id = $1 AND gone_from_status IS NULL", [member]);
    expect(from.n).toBe(0);
    const [ev] = await q("SELECT count(*)::int AS n FROM finding_events WHERE kind = 'GONE' AND to_value = 'ACCOUNT_LEFT_INSPECTOR' AND sync_run_id = $1", [r.runId]);
    expect(ev.n).toBe(gone[0].n);
    expect(await q("SELECT * FROM sync_account_results WHERE run_id = $1 AND integrity_residual <> 0", [r.runId])).toEqual([]);
    const integrity = await latestIntegrity(w.database.pool, null, member);
    expect(integrity.map((i) => [i.region, i.runId, i.residual, i.match]).sort()).toEqual([["eu-west-1", r.runId, 0, true], ["us-east-1", r.runId, 0, true]]);
    expect(await latestIntegrity(w.database.pool, [])).toEqual([]); // nothing outside the scope
  });

  it("a finding that reappears takes Inspector's status again and clears gone_*", async () => {
    expect(w.emu.change("rejoin", member)).toBe(true);
    const r = await w.sync();
    expect(r.outcome).toBe("SUCCEEDED");
    expect(await cacheOpen()).toBe(await inspectorActive());
    const rows = await q("SELECT status, count(*)::int AS n FROM findings WHERE account_id = $1 AND (gone_at IS NOT NULL OR gone_reason IS NOT NULL) GROUP BY 1", [member]);
    expect(rows.every((x) => x.status === "GONE")).toBe(true); // only what Inspector still does not list
    const [back] = await q("SELECT count(*)::int AS n FROM findings WHERE account_id = $1 AND status <> 'GONE' AND gone_from_status IS NULL", [member]);
    expect(back.n).toBeGreaterThan(0);
    // Listed in full on its return (not left to the integrity repair, which sees ACTIVE counts only).
    expect(r.regions.every((o) => o.findings?.fullAccounts.has(member))).toBe(true);
    // Only the returning account was listed in full: the run says so, not "full".
    expect(r.regions.map((o) => [o.findings?.mode, o.findings?.membersListedInFull])).toEqual([["MIXED", 1], ["MIXED", 1]]);
    expect(r.regions.every((o) => o.findings!.members > 1)).toBe(true);
    const [run] = await q("SELECT mode FROM sync_runs WHERE id = $1", [r.runId]);
    expect(run.mode).toBe("MIXED");
    const checks = await q("SELECT region, checks->'listedInFull' AS l FROM sync_region_results WHERE run_id = $1", [r.runId]);
    expect(Object.fromEntries(checks.map((c) => [c.region, c.l]))).toEqual(Object.fromEntries(r.regions.map((o) => [o.region, { accounts: 1, of: o.findings!.members }])));
    const [repaired] = await q("SELECT bool_or(integrity_repaired) AS r FROM sync_account_results WHERE run_id = $1 AND account_id = $2", [r.runId, member]);
    expect(repaired.r).toBe(false);
    const [acct] = await q("SELECT lifecycle FROM accounts WHERE id = $1", [member]);
    expect(acct.lifecycle).toBe("ACTIVE");
  });

  it("an account suspended or leaving the organization goes GONE with that reason at the very next (incremental) sync", async () => {
    const others = (await q("SELECT DISTINCT account_id FROM findings f JOIN accounts a ON a.id = f.account_id WHERE f.status = 'ACTIVE' AND NOT a.is_delegated_admin AND a.id <> $1 ORDER BY 1", [member])).map((r) => r.account_id);
    const [suspended, leaving] = others;
    expect(w.emu.change("suspendAccount", suspended)).toBe(true);
    expect(w.emu.change("leaveOrganization", leaving)).toBe(true);
    const r = await w.sync();
    expect(r.regions.every((o) => o.findings?.mode === "INCREMENTAL")).toBe(true);
    expect(await cacheOpen()).toBe(await inspectorActive());
    const life = await q("SELECT id, lifecycle FROM accounts WHERE id = ANY($1) ORDER BY id", [[suspended, leaving]]);
    expect(Object.fromEntries(life.map((a) => [a.id, a.lifecycle]))).toEqual({ [suspended]: "SUSPENDED", [leaving]: "LEFT_ORGANIZATION" });
    const reasons = await q("SELECT account_id, array_agg(DISTINCT gone_reason) AS r, bool_and(status = 'GONE') AS all_gone FROM findings WHERE account_id = ANY($1) GROUP BY 1", [[suspended, leaving]]);
    expect(Object.fromEntries(reasons.map((x) => [x.account_id, [x.r, x.all_gone]]))).toEqual({
      [suspended]: [["ACCOUNT_SUSPENDED"], true], [leaving]: [["ACCOUNT_LEFT_ORGANIZATION"], true],
    });
  });

  it("findings of a region no longer configured become GONE (REGION_NOT_SYNCED)", async () => {
    const r = await w.sync({ config: { ...w.config, regions: ["us-east-1"] } });
    expect(r.outcome).toBe("SUCCEEDED");
    const rows = await q("SELECT status, gone_reason, count(*)::int AS n FROM findings WHERE region = 'eu-west-1' AND status <> 'GONE' OR (region = 'eu-west-1' AND gone_reason NOT IN ('REGION_NOT_SYNCED', 'ACCOUNT_SUSPENDED', 'ACCOUNT_LEFT_ORGANIZATION', 'ACCOUNT_LEFT_INSPECTOR', 'RETENTION')) GROUP BY 1, 2");
    expect(rows).toEqual([]);
    const [n] = await q("SELECT count(*)::int AS n FROM findings WHERE region = 'eu-west-1' AND gone_reason = 'REGION_NOT_SYNCED'");
    expect(n.n).toBeGreaterThan(0);
  });
});
