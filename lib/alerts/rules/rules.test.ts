// Each rule kind over the sync's records (rows written as the sync writes them): exploitable
// transitions, KEV entries, SLA due and breached, coverage lost, failing runs; scope and minimum severity
// narrow them; the next batch repeats nothing, and a recovered subject alerts again when it relapses.
// A finding digest's link, followed through the explorer's own parser and query, opens exactly the
// findings the digest alerted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAlertTestEnv } from "../test-support/alert-env";
import { localActor } from "@/lib/auth/local-actor";
import { createDatabase } from "@/lib/db/client";
import type { TestDatabase } from "@/lib/db/test-database";
import { installTestDatabase, uninstallTestDatabase } from "@/lib/queries/test-fixtures";
import { explorerArns, explorerOrder } from "../test-support/explorer-arns";
import { createChannel } from "../channel-store";
import { planNextBatch } from "../plan-batch";
import { createRule } from "../rule-store";

setAlertTestEnv();
let database: TestDatabase;
let channelId: number;
const A = "111111111111", B = "222222222222", C = "333333333333";
const q = (sql: string, params: unknown[] = []) => database.pool.query(sql, params);
const run = async (outcome: string) => (await q(`INSERT INTO sync_runs (trigger, outcome, finished_at) VALUES ('cli', $1, now()) RETURNING id`, [outcome])).rows[0].id as number;
const finding = (arn: string, account: string, severity: string, ageDays: number, exploit = "NO") => q(
  `INSERT INTO findings (arn, account_id, region, type, title, severity, status, finding_key, exploit_available, resource_type, resource_id, first_observed_at, last_observed_at, updated_at, raw)
   VALUES ($1, $2, 'us-east-1', 'PACKAGE_VULNERABILITY', $1, $3, 'ACTIVE', 'CVE-' || $1, $5, 'AWS_EC2_INSTANCE', 'i-' || $1, now() - make_interval(days => $4), now(), now(), '{}')`,
  [arn, account, severity, ageDays, exploit]);
const digests = async () => Object.fromEntries((await q(`SELECT r.kind, d.payload FROM alert_deliveries d JOIN alert_rules r ON r.id = d.rule_id WHERE d.run_id = (SELECT max(run_id) FROM alert_deliveries)`)).rows
  .map((r) => [r.kind, r.payload.items.map((i: { title: string }) => i.title)]));

beforeAll(async () => {
  database = await installTestDatabase(); // also what the explorer's queries read (db())
  await q(`INSERT INTO accounts (id, name, ou_name, lifecycle) VALUES ($1, 'a', 'Dev', 'ACTIVE'), ($2, 'b', 'Production', 'ACTIVE'), ($3, 'c', 'Dev', 'LEFT_INSPECTOR')`, [A, B, C]);
  await q(`INSERT INTO account_regions (account_id, region, inspector_status, ec2_status, ecr_status, lambda_status, sync_status) VALUES ($1, 'us-east-1', 'ENABLED', 'DISABLED', 'ENABLED', 'ENABLED', 'OK')`, [A]);
  await run("SUCCEEDED");
  const ch = await createChannel(database.pool, localActor, { name: "hook", config: { kind: "WEBHOOK", url: "https://hooks.example/x", signingSecret: "s".repeat(16) } });
  channelId = ch.id;
  const rule = (name: string, kind: string, extra: object = {}) => createRule(database.pool, localActor, { name, kind, scope: "all", channelIds: [ch.id], ...extra });
  await rule("x", "EXPLOITABLE", { minSeverity: "HIGH" });
  await rule("b", "SLA_BREACHED", { minSeverity: "CRITICAL", scope: { ous: ["Production"] } });
  await rule("d", "SLA_DUE", { minSeverity: "HIGH", params: { days: 7 } });
  await rule("c", "COVERAGE_LOST");
  await rule("s", "SYNC_FAILING", { params: { runs: 2 } });
}, 60_000);
afterAll(() => uninstallTestDatabase(database));

/** The ARNs a digest lists (each item links to its finding's page). */
const itemArns = (payload: { items: { link: string }[] }) => payload.items.map((i) => decodeURIComponent(i.link.split("/findings/")[1])).sort();

describe("rule kinds", () => {
  it("each alerts on its own subjects, within scope and severity", async () => {
    const r2 = await run("FAILED");
    await finding("f1", A, "HIGH", 1, "YES");
    await finding("f2", A, "MEDIUM", 1, "YES");
    await finding("f3", B, "CRITICAL", 20);
    await finding("f4", A, "CRITICAL", 20);
    await finding("f5", A, "HIGH", 25);
    await q(`INSERT INTO finding_events (finding_arn, at, kind, from_value, to_value, sync_run_id) VALUES ('f1', now(), 'EXPLOITABLE', 'NO', 'YES', $1), ('f2', now(), 'EXPLOITABLE', 'NO', 'YES', $1), ('f4', now(), 'KEV', 'NO', 'YES', $1)`, [r2]);
    await run("FAILED");
    expect((await planNextBatch(database.pool, "https://app.example"))?.deliveries).toBe(5);
    expect(await digests()).toEqual({
      EXPLOITABLE: ["CVE-f4 — f4", "CVE-f1 — f1"], // f4 entered KEV, f1 became exploitable
      SLA_BREACHED: ["CVE-f3 — f3"],
      SLA_DUE: ["CVE-f5 — f5"],
      COVERAGE_LOST: ["EC2 scanning disabled in a", "Account c: left inspector"],
      SYNC_FAILING: ["The last 2 sync runs failed"],
    });
  });

  it("the next batch repeats nothing; a relapse after recovery alerts again", async () => {
    await run("FAILED");
    expect((await planNextBatch(database.pool, "https://app.example"))?.deliveries).toBe(0);
    await q(`UPDATE account_regions SET ec2_status = 'ENABLED'`);
    await run("SUCCEEDED");
    expect((await planNextBatch(database.pool, "https://app.example"))?.deliveries).toBe(0);
    await q(`UPDATE account_regions SET ec2_status = 'DISABLED'`);
    await run("FAILED");
    await run("FAILED");
    expect((await planNextBatch(database.pool, "https://app.example"))?.deliveries).toBe(2);
    expect(await digests()).toEqual({ COVERAGE_LOST: ["EC2 scanning disabled in a"], SYNC_FAILING: ["The last 2 sync runs failed"] });
    expect(await planNextBatch(database.pool, "https://app.example")).toBeNull();
  });

  it("two replicas reading the outbox at once: one reads the batch, the other skips it", async () => {
    await q(`UPDATE account_regions SET ec2_status = 'ENABLED'`);
    await run("SUCCEEDED");
    expect((await planNextBatch(database.pool, "https://app.example"))?.deliveries).toBe(0);
    await q(`UPDATE account_regions SET ec2_status = 'DISABLED'`);
    await run("SUCCEEDED");
    const other = createDatabase(database.url, 2);
    try {
      const results = await Promise.all([planNextBatch(database.pool, "https://app.example"), planNextBatch(other.pool, "https://app.example"), planNextBatch(other.pool, "https://app.example")]);
      expect(results.reduce((n, r) => n + (r?.deliveries ?? 0), 0)).toBe(1);
    } finally {
      await other.close();
    }
    expect((await q(`SELECT count(*)::int AS n FROM alert_deliveries`)).rows[0].n).toBe(8);
  });

  it("counts as the review and the explorer do: no alert for a finding under a valid risk exception, or on an image that runs nowhere", async () => {
    await finding("f6", B, "CRITICAL", 20);
    await finding("f7", B, "CRITICAL", 20);
    await finding("f8", B, "CRITICAL", 20);
    await q(`UPDATE findings SET resource_type = 'AWS_ECR_CONTAINER_IMAGE', in_use_count = 0 WHERE arn = 'f6'`);
    await q(`INSERT INTO risk_exceptions (finding_arn, reason, owner, created_at, approved_at, expires_at) VALUES ('f7', 'no fix yet', 'sec', now() - interval '1 day', now() - interval '1 day', now() + interval '30 days')`);
    await run("SUCCEEDED");
    await planNextBatch(database.pool, "https://app.example");
    expect((await digests()).SLA_BREACHED).toEqual(["CVE-f8 — f8"]);
  });

  it("a finding digest's link opens exactly the findings it alerted, over a batch of several runs, never its accounts' others", async () => {
    const rule = await createRule(database.pool, localActor, { name: "n", kind: "NEW_FINDINGS", minSeverity: "HIGH", scope: "all", channelIds: [channelId] });
    const r1 = await run("SUCCEEDED");
    await finding("n1", A, "HIGH", 0);
    await finding("n2", B, "CRITICAL", 0);
    await finding("n3", A, "MEDIUM", 0); // below both rules' minimum
    // f5 (A, HIGH, no exploit known) enters CISA KEV: the exploitable rule alerts it.
    await q(`INSERT INTO finding_events (finding_arn, at, kind, from_value, to_value, sync_run_id) VALUES ('f5', now(), 'KEV', 'NO', 'YES', $1)`, [r1]);
    const r2 = await run("SUCCEEDED"); // the batch is (previous cursor, r2]: alert_sent and the digests say r2
    expect((await planNextBatch(database.pool, "https://app.example"))?.deliveries).toBe(2);
    const digests = (await q(`SELECT r.id, r.kind, d.payload FROM alert_deliveries d JOIN alert_rules r ON r.id = d.rule_id WHERE d.run_id = $1 ORDER BY r.kind`, [r2])).rows;
    expect(digests.map((d) => [d.kind, itemArns(d.payload)])).toEqual([["EXPLOITABLE", ["f5"]], ["NEW_FINDINGS", ["n1", "n2"]]]);
    for (const d of digests) {
      const opened = await explorerArns(d.payload.link);
      expect(opened).toEqual(itemArns(d.payload));
      expect(opened).toHaveLength(d.payload.findings); // what the digest states (digest-counts.test.ts: alerts beside it)
      expect(d.payload.link).toBe(`https://app.example/findings?alert=${d.id}%3A${r2}&sort=severity`);
      expect(d.payload.runId).toBe(r2);
      // The old link (the items' accounts and severities) would have opened more: other open findings are there.
      const accounts = [...new Set(d.payload.items.map((i: { accountId: string }) => i.accountId))];
      const severities = [...new Set(d.payload.items.map((i: { severity: string }) => i.severity))];
      const wide = await explorerArns(`/findings?${[...accounts.map((a) => `account=${a}`), ...severities.map((v) => `severity=${v}`)].join("&")}`);
      expect(wide.length).toBeGreaterThan(opened.length);
      expect(wide).toEqual(expect.arrayContaining(opened));
    }
    const newLink = digests.find((d) => d.kind === "NEW_FINDINGS").payload.link as string;
    expect(newLink).toContain(`alert=${rule.id}%3A${r2}`);
    // It narrows like any filter: with another filter, and always within the viewer's scope.
    expect(await explorerArns(`${newLink}&severity=CRITICAL`)).toEqual(["n2"]);
    expect(await explorerArns(newLink, { accountIds: [A] })).toEqual(["n1"]);
    expect(await explorerArns(newLink, { accountIds: [C] })).toEqual([]);
    // The batch's rows are all under its last run: the rule's earlier run in it holds none.
    expect(await explorerArns(`/findings?alert=${rule.id}%3A${r1}`)).toEqual([]);
  });

  it("a digest lists its top N as its link's first rows, in the same order: worst severity, then score, then the finding's id", async () => {
    const rule = await createRule(database.pool, localActor, { name: "order", kind: "NEW_FINDINGS", minSeverity: "LOW", scope: "all", channelIds: [channelId], params: { topN: 3 } });
    // By score alone o5 (9.9) and o1 (9.8) would come first; by ARN o0 would come before its tie o2.
    for (const [arn, severity, score] of [["o1", "HIGH", 9.8], ["o2", "CRITICAL", 7], ["o3", "CRITICAL", null], ["o0", "CRITICAL", 7], ["o5", "MEDIUM", 9.9], ["o6", "LOW", 5]] as const) {
      await finding(arn, A, severity, 0);
      await q(`UPDATE findings SET inspector_score = $2 WHERE arn = $1`, [arn, score]);
    }
    const r = await run("SUCCEEDED");
    // Opened before the alerts worker planned the batch, the link shows nothing yet, and is not
    // remembered as empty: planning writes no finding, so the data version does not move.
    const early = `/findings?alert=${rule.id}%3A${r}&sort=severity`;
    expect(await explorerOrder(early)).toEqual([]);
    await planNextBatch(database.pool, "https://app.example");
    expect(await explorerOrder(early)).toHaveLength(6);
    const { payload } = (await q(`SELECT payload FROM alert_deliveries WHERE rule_id = $1 AND run_id = $2`, [rule.id, r])).rows[0];
    const listed = payload.items.map((i: { link: string }) => decodeURIComponent(i.link.split("/findings/")[1]));
    expect(listed).toEqual(["o2", "o0", "o3"]);
    const opened = await explorerOrder(payload.link);
    expect(opened).toEqual(["o2", "o0", "o3", "o1", "o5", "o6"]);
    expect(opened.slice(0, listed.length)).toEqual(listed);
    expect(payload.link).toBe(`https://app.example/findings?alert=${rule.id}%3A${r}&sort=severity`);
  });
});
