import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheStatusCounts, emulatorStatusCounts, startSyncWorld, type SyncWorld } from "./test-support";

describe("sync against the emulator: full then incremental", () => {
  let w: SyncWorld;
  const q = async (sql: string, params: unknown[] = []) => (await w.database.pool.query(sql, params)).rows;
  beforeAll(async () => {
    // Full listings only when asked, so the simulated days below exercise the incremental path.
    w = await startSyncWorld({ closedRetentionDays: 3 }, { fullSyncEveryMs: 365 * 86_400_000 });
  });
  afterAll(async () => w?.close());

  it("first run lists everything (all statuses) and the cache equals Inspector", async () => {
    const indexes = async () => (await q("SELECT indexdef FROM pg_indexes WHERE tablename = 'findings' ORDER BY indexname")).map((r) => r.indexdef);
    const schemaIndexes = await indexes();
    const r = await w.sync();
    // The empty cache was loaded without its secondary indexes, which were then built: all back, none left deferred.
    expect(r.indexRebuildMs).toBeGreaterThanOrEqual(0);
    expect(await indexes()).toEqual(schemaIndexes);
    expect(await q("SELECT * FROM deferred_indexes")).toEqual([]);
    const [run] = await q("SELECT notes FROM sync_runs WHERE id = $1", [r.runId]);
    expect(run.notes).toContainEqual(expect.objectContaining({ kind: "bulk-load", message: expect.stringMatching(/^First load into an empty cache: [1-9]\d* findings batches inserted; \d+ findings indexes built after loading and the primary key rebuilt, in [\d.]+ s; the loaded rows vacuumed in/) }));
    // And vacuumed: every page of the loaded rows marked all-visible, so index-only counts read no heap.
    const [map] = await q("SELECT relpages, relallvisible FROM pg_class WHERE relname = 'findings'");
    expect(map.relpages).toBeGreaterThan(0);
    expect(map.relallvisible).toBe(map.relpages);
    expect(r.error).toBeNull();
    expect(r.outcome).toBe("SUCCEEDED");
    expect(r.regions.every((o) => o.findings?.mode === "FULL")).toBe(true);
    const expected = await emulatorStatusCounts(w);
    expect(Object.keys(expected).some((k) => k.endsWith("/CLOSED"))).toBe(true);
    expect(Object.keys(expected).some((k) => k.endsWith("/SUPPRESSED"))).toBe(true);
    expect(await cacheStatusCounts(w)).toEqual(expected);
    // A first sync records no changes: first sight is each row's first_observed_at.
    const [events] = await q("SELECT count(*)::int AS n FROM finding_events");
    expect(events.n).toBe(0);
  });

  it("records every account's status, the run and per-region results, and integrity matches", async () => {
    const statuses = await q("SELECT sync_status, count(*)::int AS n FROM account_regions GROUP BY 1");
    expect(statuses.map((s) => s.sync_status).sort()).not.toContain("NEVER_SYNCED");
    expect(statuses.find((s) => s.sync_status === "OK")?.n).toBeGreaterThan(0);
    const [run] = await q("SELECT outcome, mode, findings_upserted, api_requests, finished_at FROM sync_runs ORDER BY id DESC LIMIT 1");
    expect(run).toMatchObject({ outcome: "SUCCEEDED", mode: "FULL" });
    expect(run.findings_upserted).toBeGreaterThan(1000);
    const mismatches = await q("SELECT account_id, region, cache_counts, api_counts FROM sync_account_results WHERE integrity_match = false");
    expect(mismatches).toEqual([]);
    const [checked] = await q("SELECT count(*)::int AS n FROM sync_account_results WHERE integrity_match");
    expect(checked.n).toBeGreaterThan(0);
    const regions = await q("SELECT region, status, checks FROM sync_region_results ORDER BY region");
    expect(regions.map((r) => [r.region, r.status, r.checks.coverage.match])).toEqual([["eu-west-1", "OK", true], ["us-east-1", "OK", true]]);
  });

  it("stores accounts with names, OUs and owners from Organizations", async () => {
    const accounts = await q("SELECT id, name, ou_name, owner, is_delegated_admin FROM accounts");
    const state = (await (await fetch(`${w.emu.url}/_emulator/state`)).json()) as { accounts: number };
    expect(accounts.length).toBe(state.accounts);
    expect(accounts.every((a) => a.name && a.name !== a.id && a.ou_name && a.owner)).toBe(true);
    expect(accounts.filter((a) => a.is_delegated_admin).map((a) => a.id)).toEqual([w.emu.adminAccountId]);
  });

  it("writes today's snapshots and a reconstructed 12-week history on the first run", async () => {
    const days = await q("SELECT count(DISTINCT day)::int AS n, min(day) AS first FROM daily_snapshots");
    expect(days[0].n).toBeGreaterThan(20);
    const [cov] = await q("SELECT count(*)::int AS n, count(DISTINCT scan_type)::int AS types FROM coverage_snapshots");
    expect(cov.n).toBeGreaterThan(0);
    expect(cov.types).toBeGreaterThanOrEqual(3);
    const [run] = await q("SELECT notes FROM sync_runs ORDER BY id LIMIT 1");
    expect(run.notes.some((n: { kind: string; message: string }) => n.kind === "backfill" && /reconstructed/.test(n.message))).toBe(true);
    // The reconstruction agrees with today's real counts on the last backfilled day's open numbers' order of magnitude.
    const [today] = await q("SELECT sum(open)::int AS open FROM daily_snapshots WHERE day = (SELECT max(day) FROM daily_snapshots)");
    expect(today.open).toBeGreaterThan(0);
  });

  it("a run right after reads only a handful of pages and stays equal", async () => {
    const before = await q("SELECT max(id) AS id FROM finding_events");
    const calls = w.emu.stats().requests;
    const r = await w.sync();
    const after = w.emu.stats().requests;
    expect(after.ListAccounts - calls.ListAccounts).toBe(1); // names are re-read every run
    expect(after.ListParents).toBe(calls.ListParents); // OUs and tags only with the daily full listing
    expect(after.ListTagsForResource).toBe(calls.ListTagsForResource);
    expect(r.outcome).toBe("SUCCEEDED");
    expect(r.regions.every((o) => o.findings?.mode === "INCREMENTAL")).toBe(true);
    const pages = r.regions.reduce((n, o) => n + (o.findings?.partitions.reduce((m, p) => m + p.pages, 0) ?? 0), 0);
    expect(pages).toBeLessThanOrEqual(4);
    expect(await cacheStatusCounts(w)).toEqual(await emulatorStatusCounts(w));
    const [newEvents] = await q("SELECT count(*)::int AS n FROM finding_events WHERE id > $1", [before[0].id]);
    expect(newEvents.n).toBe(0); // the overlap re-read changed nothing
  });

  it("repairs a cache that drifted from Inspector: the integrity check re-lists the account", async () => {
    const tampered = await q(
      "UPDATE findings SET status = 'SUPPRESSED' WHERE arn IN (SELECT arn FROM findings WHERE status = 'ACTIVE' AND region = 'us-east-1' ORDER BY arn LIMIT 3) RETURNING arn, account_id",
    );
    expect(tampered).toHaveLength(3);
    const r = await w.sync();
    expect(r.outcome).toBe("SUCCEEDED");
    const restored = await q("SELECT DISTINCT status FROM findings WHERE arn = ANY($1)", [tampered.map((t) => t.arn)]);
    expect(restored).toEqual([{ status: "ACTIVE" }]);
    expect(await q("SELECT * FROM sync_account_results WHERE run_id = $1 AND integrity_match = false", [r.runId])).toEqual([]);
    const [run] = await q("SELECT notes FROM sync_runs WHERE id = $1", [r.runId]);
    const note = run.notes.find((n: { kind: string }) => n.kind === "integrity");
    expect(note.message).toContain(tampered[0].account_id);
    const [region] = await q("SELECT checks FROM sync_region_results WHERE run_id = $1 AND region = 'us-east-1'", [r.runId]);
    expect(region.checks.integrity.repaired.length).toBeGreaterThan(0);
  });

  it("replaces each region's coverage with what ListCoverage returns, with inactiveSince on unscanned resources", async () => {
    const { ListCoverageCommand } = await import("@aws-sdk/client-inspector2");
    const { inspector } = await import("@/emulator/test-support");
    for (const region of w.config.regions) {
      const client = inspector(w.emu, region);
      let listed = 0;
      let inactive = 0;
      let nextToken: string | undefined;
      do {
        const page = await client.send(new ListCoverageCommand({ maxResults: 200, nextToken }));
        listed += page.coveredResources?.length ?? 0;
        inactive += page.coveredResources?.filter((c) => c.scanStatus?.statusCode !== "ACTIVE").length ?? 0;
        nextToken = page.nextToken;
      } while (nextToken);
      client.destroy();
      const [cache] = await q(
        `SELECT count(*)::int AS n, count(*) FILTER (WHERE scan_status_code <> 'ACTIVE')::int AS inactive,
           count(*) FILTER (WHERE scan_status_code <> 'ACTIVE' AND inactive_since IS NULL)::int AS missing_since,
           count(*) FILTER (WHERE scan_status_code = 'ACTIVE' AND inactive_since IS NOT NULL)::int AS stray_since
         FROM covered_resources WHERE region = $1`,
        [region],
      );
      expect(cache).toEqual({ n: listed, inactive, missing_since: 0, stray_since: 0 });
      expect(inactive).toBeGreaterThan(0);
    }
  });

  it("after days pass, closures, suppressions and reopenings arrive incrementally", async () => {
    const [wm0] = await q("SELECT findings_since FROM sync_watermarks WHERE region = 'us-east-1'");
    const [before] = await q("SELECT count(*)::int AS n FROM findings");
    await w.emu.advance(4);
    const r = await w.sync();
    expect(r.outcome).toBe("SUCCEEDED");
    expect(r.regions.every((o) => o.findings?.mode === "INCREMENTAL")).toBe(true);
    const [wm1] = await q("SELECT findings_since FROM sync_watermarks WHERE region = 'us-east-1'");
    expect(wm1.findings_since.getTime()).toBeGreaterThan(wm0.findings_since.getTime());
    // Open and suppressed agree exactly. Inspector deleted findings closed > 3 days ago, which an
    // incremental read cannot see, so the cache holds at least as many closed ones (until a full run).
    const cache = await cacheStatusCounts(w);
    const aws = await emulatorStatusCounts(w);
    const notClosed = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([k]) => !k.endsWith("/CLOSED")));
    expect(notClosed(cache)).toEqual(notClosed(aws));
    for (const k of Object.keys(aws).filter((k) => k.endsWith("/CLOSED"))) expect(cache[k]).toBeGreaterThanOrEqual(aws[k]);
    const kinds = await q("SELECT kind, from_value, to_value, count(*)::int AS n FROM finding_events WHERE sync_run_id = $1 GROUP BY 1, 2, 3", [r.runId]);
    const n = (kind: string, from?: string, to?: string) =>
      kinds.filter((k) => k.kind === kind && (!from || k.from_value === from) && (!to || k.to_value === to)).reduce((s, k) => s + k.n, 0);
    expect(n("NEW")).toBe(0);
    const [after] = await q("SELECT count(*)::int AS n FROM findings");
    expect(after.n).toBeGreaterThan(before.n); // new findings arrived incrementally
    expect(n("STATUS", "ACTIVE", "CLOSED")).toBeGreaterThan(0);
    const closed = await q("SELECT count(*)::int AS n FROM findings WHERE status = 'CLOSED' AND closed_at IS NULL");
    expect(closed[0].n).toBe(0);
    const open = await q("SELECT count(*)::int AS n FROM findings WHERE status IN ('ACTIVE', 'SUPPRESSED') AND closed_at IS NOT NULL");
    expect(open[0].n).toBe(0);
    const mismatches = await q("SELECT * FROM sync_account_results WHERE run_id = $1 AND integrity_match = false", [r.runId]);
    expect(mismatches).toEqual([]);
  });

  it("over more days every kind of change shows up, and a full run marks deleted findings gone", async () => {
    await w.emu.advance(10);
    const inc = await w.sync();
    expect(inc.outcome).toBe("SUCCEEDED");
    const all = await q("SELECT DISTINCT kind, from_value, to_value FROM finding_events");
    const has = (kind: string, from?: string, to?: string) => all.some((e) => e.kind === kind && (!from || e.from_value === from) && (!to || e.to_value === to));
    expect(has("STATUS", "CLOSED", "ACTIVE") || has("STATUS", "CLOSED", "SUPPRESSED")).toBe(true); // reopened
    expect(has("STATUS", "ACTIVE", "SUPPRESSED") || has("STATUS", "SUPPRESSED", "ACTIVE")).toBe(true);
    const full = await w.sync({ full: true });
    expect(full.outcome).toBe("SUCCEEDED");
    const gone = await q("SELECT count(*)::int AS n FROM findings WHERE gone_at IS NOT NULL");
    expect(gone[0].n).toBeGreaterThan(0); // closed findings past the 3-day retention were deleted by Inspector
    const [events] = await q("SELECT count(*)::int AS n FROM finding_events WHERE kind = 'GONE'");
    expect(events.n).toBe(gone[0].n);
    expect(await cacheStatusCounts(w)).toEqual(await emulatorStatusCounts(w));
  });
});
