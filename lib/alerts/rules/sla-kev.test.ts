// With INSPECTORATE_SLA_KEV_DUE_DATE=1 the SLA rules run the review's clock: a finding whose
// vulnerability is in CISA KEV is due by the earlier of its severity SLA and KEV's due date, and
// the digest says which clock decided. A KEV entry with a later due date changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setAlertTestEnv } from "../test-support/alert-env";
import { localActor } from "@/lib/auth/local-actor";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { createChannel } from "../channel-store";
import { planNextBatch } from "../plan-batch";
import { createRule } from "../rule-store";

setAlertTestEnv();
process.env.INSPECTORATE_SLA_KEV_DUE_DATE = "1";
let database: TestDatabase;
const A = "111111111111";
const q = (sql: string, params: unknown[] = []) => database.pool.query(sql, params);
const run = async () => (await q(`INSERT INTO sync_runs (trigger, outcome, finished_at) VALUES ('cli', 'SUCCEEDED', now()) RETURNING id`)).rows[0].id as number;
const finding = (arn: string, severity: string, ageDays: number) => q(
  `INSERT INTO findings (arn, account_id, region, type, title, severity, status, finding_key, vulnerability_id, resource_type, resource_id, first_observed_at, last_observed_at, updated_at, raw)
   VALUES ($1, $2, 'us-east-1', 'PACKAGE_VULNERABILITY', $1, $3, 'ACTIVE', 'CVE-' || $1, 'CVE-' || $1, 'AWS_EC2_INSTANCE', 'i-' || $1, now() - make_interval(days => $4), now(), now(), '{}')`,
  [arn, A, severity, ageDays]);
const kev = (arn: string, dueInDays: number) => q(
  `INSERT INTO vulnerability_intel (vulnerability_id, state, source_arn, basis_at, fetched_at, in_kev, kev_date_due)
   VALUES ('CVE-' || $1, 'OK', $1, now(), now(), true, now() + make_interval(days => $2))`,
  [arn, dueInDays]);
const items = async () => Object.fromEntries((await q(`SELECT r.kind, d.payload FROM alert_deliveries d JOIN alert_rules r ON r.id = d.rule_id`)).rows
  .map((r) => [r.kind, r.payload.items.map((i: { title: string; detail?: string }) => `${i.title}: ${i.detail}`)]));

beforeAll(async () => {
  database = await createTestDatabase();
  await q(`INSERT INTO accounts (id, name, lifecycle) VALUES ($1, 'a', 'ACTIVE')`, [A]);
  await run();
  const ch = await createChannel(database.pool, localActor, { name: "hook", config: { kind: "WEBHOOK", url: "https://hooks.example/x", signingSecret: "s".repeat(16) } });
  await createRule(database.pool, localActor, { name: "due", kind: "SLA_DUE", scope: "all", channelIds: [ch.id], minSeverity: "LOW", params: { days: 7 } });
  await createRule(database.pool, localActor, { name: "breached", kind: "SLA_BREACHED", scope: "all", channelIds: [ch.id], minSeverity: "LOW" });
}, 60_000);
afterAll(() => database.close());

describe("SLA rules on KEV's due date", () => {
  it("KEV's earlier due date decides; a later one or none leaves the severity clock", async () => {
    await finding("soon", "HIGH", 1); // severity SLA weeks away, KEV due in 3 days
    await kev("soon", 3);
    await finding("late", "HIGH", 1); // in KEV, but KEV's date is after the severity SLA
    await kev("late", 400);
    await finding("over", "MEDIUM", 1); // KEV's date passed
    await kev("over", -2);
    await finding("plain", "HIGH", 1); // not in KEV: nothing due soon
    await run();
    expect((await planNextBatch(database.pool, "https://app.example"))?.deliveries).toBe(2);
    const got = await items();
    expect(got.SLA_DUE).toEqual([expect.stringMatching(/^CVE-soon — soon: due \d{4}-\d\d-\d\d \(CISA KEV due date\) · us-east-1 · i-soon$/)]);
    expect(got.SLA_BREACHED).toEqual([expect.stringMatching(/^CVE-over — over: due \d{4}-\d\d-\d\d \(CISA KEV due date\) · us-east-1 · i-over$/)]);
  });
});
