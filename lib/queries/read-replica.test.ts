// DATABASE_READ_URL with two real databases: the replica is a second migrated database whose
// contents the test sets (a copy one sync behind), so every answer shows which database gave it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localActor } from "@/lib/auth/local-actor";
import { createDatabase, db, readDb, type Database } from "@/lib/db/client";
import { createRiskException } from "@/lib/actions/risk-exception-store";
import { freezeReview } from "@/lib/actions/review-freeze";
import { toDay } from "@/lib/review/day";
import { openDatabase } from "@/lib/db/open-database";
import { startSyncWorld } from "@/lib/sync/test-support";
import { createEmptyTestDatabase } from "@/lib/db/test-database";
import { allScope } from "./scope";
import { addAccount, addAccountRegion, addFinding, addRow, daysAgo, setupReplicaTestDatabases } from "./test-fixtures";
import { getOpenAggregates } from "./posture/open-aggregates";
import { getLastSync } from "./posture/overview-tiles";
import { getSeverityHeatmap } from "./posture/severity-heatmap";
import { syncDataVersion } from "./posture/sync-version";
import { countFindings, searchFindings } from "./findings/findings-search";
import { getFindingDetail } from "./findings/finding-detail";
import { exportFindingsCsv } from "./findings/findings-export";
import { parseFindingsFilter } from "./findings/findings-filter";
import { computeReview } from "./review/compute-review";
import { frozenReview } from "./review/frozen-reviews";
import { riskExceptions } from "./review/risk-exceptions";
import { listSyncRuns } from "./sync/sync-runs";

const A = "111111111111", B = "222222222222";
const databases = setupReplicaTestDatabases();
const filter = parseFindingsFilter(new URLSearchParams("")).filter;
const count = async (d: Database, sql: string) => (await d.pool.query(sql)).rows[0].n as number;
let onBoth: string, primaryOnly: string;
const primarySync = new Date(Date.now() - 3_600_000), replicaSync = new Date(Date.now() - 5 * 3_600_000);

beforeAll(async () => {
  const { primary, replica } = databases();
  for (const d of [primary, replica]) {
    await addAccount(d, A, { name: "prod" });
    await addAccount(d, B, { name: "dev" });
    await addAccountRegion(d, A, "us-east-1");
  }
  // The replica is one sync behind: it has the first finding and the older run only.
  onBoth = await addFinding(primary, { account_id: A, severity: "CRITICAL", first_observed_at: daysAgo(40) });
  await addFinding(replica, { arn: onBoth, account_id: A, severity: "CRITICAL", first_observed_at: daysAgo(40) });
  primaryOnly = await addFinding(primary, { account_id: A, severity: "CRITICAL", first_observed_at: daysAgo(30) });
  await addFinding(primary, { account_id: B, severity: "HIGH" });
  for (const d of [primary, replica]) await addRow(d, "sync_runs", { trigger: "schedule", started_at: new Date(replicaSync.getTime() - 60_000), finished_at: replicaSync, outcome: "SUCCEEDED" });
  await addRow(primary, "sync_runs", { trigger: "schedule", started_at: new Date(primarySync.getTime() - 60_000), finished_at: primarySync, outcome: "SUCCEEDED" });
});

describe("read models read the replica", () => {
  it("overview, heatmap, explorer, detail and CSV export count the replica's findings, not the primary's", async () => {
    const { byAccount } = await getOpenAggregates(allScope, []);
    expect(byAccount).toEqual([{ account_id: A, severity: "CRITICAL", count: 1 }]);
    expect((await getSeverityHeatmap(allScope, [])).map((r) => [r.accountId, r.total])).toEqual([[A, 1], [B, 0]]);
    expect(await countFindings(allScope, filter)).toEqual({ count: 1, capped: false });
    expect((await searchFindings(allScope, { ...filter, limit: 50 })).rows.map((r) => r.arn)).toEqual([onBoth]);
    expect(await getFindingDetail(allScope, onBoth)).toBeTruthy();
    expect(await getFindingDetail(allScope, primaryOnly)).toBeFalsy();
    const csv: string[] = [];
    for await (const chunk of exportFindingsCsv(allScope, filter)) csv.push(chunk);
    expect(csv.join("").trim().split("\n")).toHaveLength(2); // header + the replica's one finding
  });

  it("shows the replica's own last sync beside its numbers, not the primary's newer one", async () => {
    expect((await getLastSync(allScope)).last_finished_at?.toISOString()).toBe(replicaSync.toISOString());
    expect(await syncDataVersion()).toContain(replicaSync.toISOString().slice(0, 10));
    // The Sync page is the sync's own record: the primary, where the run is written.
    expect((await listSyncRuns(allScope)).map((r) => r.finished_at?.toISOString())).toEqual([primarySync.toISOString(), replicaSync.toISOString()]);
  });
});

describe("writes go to the primary and their authors see them at once", () => {
  it("saves a risk exception on the primary and lists it right away, though the replica has not got it", async () => {
    const { primary, replica } = databases();
    const saved = await createRiskException({ actor: localActor }, { target: "finding", findingArn: primaryOnly, reason: "compensating control in place", owner: "alice", expiresOn: toDay(new Date()) });
    expect(saved).toMatchObject({ ok: true });
    expect([await count(primary, "SELECT count(*)::int AS n FROM risk_exceptions"), await count(replica, "SELECT count(*)::int AS n FROM risk_exceptions")]).toEqual([1, 0]);
    const listed = await riskExceptions(allScope, new Date());
    expect([...listed.expiring, ...listed.active].map((e) => e.findingArn)).toEqual([primaryOnly]);
  });

  it("freezes the review the meeting saw (the replica's figures) on the primary and shows it at once", async () => {
    const { primary, replica } = databases();
    const now = new Date();
    const frozen = await freezeReview(localActor, toDay(now), now);
    expect(frozen.ok).toBe(true);
    if (!frozen.ok) return;
    expect(frozen.payload.sla.totals).toEqual((await computeReview(allScope, { meetingDate: toDay(now), now })).sla.totals);
    expect(frozen.payload.sla.findings.map((f) => f.arn)).toEqual([onBoth]);
    expect((await frozenReview(allScope, toDay(now)))?.contentHash).toBe(frozen.contentHash);
    expect([await count(primary, "SELECT count(*)::int AS n FROM reviews"), await count(replica, "SELECT count(*)::int AS n FROM reviews")]).toEqual([1, 0]);
  });

  it("runs the sync into the primary (the process database); the replica keeps its numbers until replication brings them", async () => {
    const { primary, replica } = databases();
    const w = await startSyncWorld({ accounts: 3, findings: 120, regions: ["us-east-1"] }, {}, primary);
    try {
      expect((await w.sync({ database: undefined })).outcome).toBe("SUCCEEDED");
    } finally {
      await w.close();
    }
    expect(await count(primary, "SELECT count(*)::int AS n FROM findings")).toBeGreaterThan(3);
    expect(await count(replica, "SELECT count(*)::int AS n FROM findings")).toBe(1);
    expect(await countFindings(allScope, filter)).toEqual({ count: 1, capped: false });
    expect((await getLastSync(allScope)).last_finished_at?.toISOString()).toBe(replicaSync.toISOString());
  });
});

describe("the process's read database", () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
  });

  it("is the primary itself without DATABASE_READ_URL", async () => {
    delete process.env.DATABASE_READ_URL;
    const holder = globalThis as { __inspectorateReadDb?: Database };
    const installed = holder.__inspectorateReadDb;
    delete holder.__inspectorateReadDb;
    try {
      expect(readDb()).toBe(db());
    } finally {
      holder.__inspectorateReadDb = installed;
    }
  });

  it("is opened from DATABASE_READ_URL when set", async () => {
    const holder = globalThis as { __inspectorateReadDb?: Database };
    const installed = holder.__inspectorateReadDb;
    delete holder.__inspectorateReadDb;
    process.env.DATABASE_READ_URL = databases().replica.url;
    let opened: Database | undefined;
    try {
      opened = readDb();
      expect(opened).not.toBe(db());
      expect(await count(opened, "SELECT count(*)::int AS n FROM findings")).toBe(1);
    } finally {
      await opened?.close();
      holder.__inspectorateReadDb = installed;
    }
  });

  it("is never migrated: opening the database migrates DATABASE_URL only", async () => {
    const empty = await createEmptyTestDatabase();
    process.env.DATABASE_READ_URL = empty.url;
    try {
      await openDatabase({ databaseUrl: databases().primary.url, dataDir: "/nowhere" });
      const probe = createDatabase(empty.url, 1);
      const tables = await count(probe, "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'");
      await probe.close();
      expect(tables).toBe(0);
    } finally {
      await empty.drop();
    }
  });
});
