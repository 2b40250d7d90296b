import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { ecrFinding } from "../map/fixtures";
import { toFindingRow, type FindingRow } from "../map/finding-row";
import { upsertFindings } from "../write/finding-writer";
import { markGone, markRegionsNotSynced } from "./gone";

const arn = (n: number, region = "us-east-1") => `arn:aws:inspector2:${region}:111122223333:finding/${String(n).padStart(32, "0")}`;
function row(n: number, over: Parameters<typeof ecrFinding>[0] = {}, region = "us-east-1"): FindingRow {
  const r = toFindingRow(ecrFinding({ findingArn: arn(n, region), ...over }), region);
  if (!r.ok) throw new Error(r.error);
  return r.row;
}
const at = (iso: string) => new Date(iso);

describe("GONE", () => {
  let t: TestDatabase;
  const q = async (sql: string, p: unknown[] = []) => (await t.pool.query(sql, p)).rows;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());

  it("marks what a complete listing did not return GONE with its reason and last status, then a reappearance clears it", async () => {
    await upsertFindings(t.pool, [row(1), row(2, { status: "CLOSED" }), row(3, { status: "SUPPRESSED" })], { runId: null, syncedAt: at("2024-09-06T00:00:00Z") });
    await upsertFindings(t.pool, [row(3, { status: "SUPPRESSED" })], { runId: null, syncedAt: at("2024-09-07T00:00:00Z") }); // listed again
    const n = await markGone(t.pool, "us-east-1", new Map([["111122223333", "ACCOUNT_LEFT_INSPECTOR"]]), at("2024-09-07T00:00:00Z"), at("2024-09-07T01:00:00Z"), 0);
    expect(n).toBe(2);
    expect(await q("SELECT arn, status, gone_at, gone_reason, gone_from_status FROM findings ORDER BY arn")).toEqual([
      { arn: arn(1), status: "GONE", gone_at: at("2024-09-07T01:00:00Z"), gone_reason: "ACCOUNT_LEFT_INSPECTOR", gone_from_status: "ACTIVE" },
      { arn: arn(2), status: "GONE", gone_at: at("2024-09-07T01:00:00Z"), gone_reason: "ACCOUNT_LEFT_INSPECTOR", gone_from_status: "CLOSED" },
      { arn: arn(3), status: "SUPPRESSED", gone_at: null, gone_reason: null, gone_from_status: null },
    ]);
    expect(await q("SELECT finding_arn, kind, from_value, to_value FROM finding_events ORDER BY id")).toEqual([
      { finding_arn: arn(1), kind: "GONE", from_value: "ACTIVE", to_value: "ACCOUNT_LEFT_INSPECTOR" },
      { finding_arn: arn(2), kind: "GONE", from_value: "CLOSED", to_value: "ACCOUNT_LEFT_INSPECTOR" },
    ]);
    // Marking again leaves GONE rows with their first time and reason (only #3, not listed since, joins them).
    expect(await markGone(t.pool, "us-east-1", new Map([["111122223333", "RETENTION"]]), at("2024-09-08T00:00:00Z"), at("2024-09-08T00:00:00Z"), 0)).toBe(1);
    expect((await q("SELECT gone_reason FROM findings WHERE arn = $1", [arn(1)]))[0].gone_reason).toBe("ACCOUNT_LEFT_INSPECTOR");
    // Reported again: Inspector's status, gone_* cleared, the closure time kept for a finding still closed.
    const closedAt = (await q("SELECT closed_at FROM findings WHERE arn = $1", [arn(2)]))[0].closed_at;
    await upsertFindings(t.pool, [row(1), row(2, { status: "CLOSED" })], { runId: null, syncedAt: at("2024-09-09T00:00:00Z") });
    expect(await q("SELECT arn, status, gone_at, gone_reason, gone_from_status, closed_at FROM findings WHERE arn = ANY($1) ORDER BY arn", [[arn(1), arn(2)]])).toEqual([
      { arn: arn(1), status: "ACTIVE", gone_at: null, gone_reason: null, gone_from_status: null, closed_at: null },
      { arn: arn(2), status: "CLOSED", gone_at: null, gone_reason: null, gone_from_status: null, closed_at: closedAt },
    ]);
  });

  it("findings of regions no longer synced go GONE (REGION_NOT_SYNCED); only accounts asked about are touched", async () => {
    await upsertFindings(t.pool, [row(7, {}, "eu-west-1")], { runId: null, syncedAt: at("2024-09-06T00:00:00Z") });
    expect(await markGone(t.pool, "eu-west-1", new Map([["999999999999", "RETENTION"]]), at("2024-09-10T00:00:00Z"), at("2024-09-10T00:00:00Z"), 0)).toBe(0);
    expect(await markRegionsNotSynced(t.pool, ["us-east-1"], at("2024-09-10T00:00:00Z"), 0)).toBe(1);
    expect(await q("SELECT status, gone_reason, gone_from_status FROM findings WHERE arn = $1", [arn(7, "eu-west-1")])).toEqual([
      { status: "GONE", gone_reason: "REGION_NOT_SYNCED", gone_from_status: "ACTIVE" },
    ]);
  });
});
