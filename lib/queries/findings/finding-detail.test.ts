import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addFinding, addFindingEvent, daysAgo, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { getFindingDetail, getOtherResources } from "./finding-detail";
import { ecrFinding } from "@/lib/sync/map/fixtures";
import { toFindingRow } from "@/lib/sync/map/finding-row";
import { upsertFindings } from "@/lib/sync/write/finding-writer";

const A = "111111111111", B = "222222222222";
const database = setupQueryTestDatabase();
let arn = "";

beforeAll(async () => {
  const d = database();
  await addAccount(d, A, { name: "prod", owner: "alice" });
  await addAccount(d, B);
  arn = await addFinding(d, { account_id: A, vulnerability_id: "CVE-2024-7", raw: { description: "raw text" } });
  await addFinding(d, { account_id: A, vulnerability_id: "CVE-2024-7", resource_id: "i-other", inspector_score: 9 });
  await addFinding(d, { account_id: B, vulnerability_id: "CVE-2024-7", resource_id: "i-b" });
  await addFinding(d, { account_id: B, vulnerability_id: "CVE-2024-7", resource_id: "i-closed", status: "CLOSED" });
  await addFindingEvent(d, arn, "STATUS", daysAgo(5), "ACTIVE", "SUPPRESSED");
});

describe("getFindingDetail", () => {
  it("returns the finding, its raw JSON, history and other open resources hit by the same CVE", async () => {
    const detail = (await getFindingDetail(allScope, arn))!;
    expect(detail.finding).toMatchObject({ arn, account_name: "prod", account_owner: "alice", raw: { description: "raw text" } });
    // First sight comes from the row (in the status the first change moved it from), then the changes.
    expect(detail.events.map((e) => [e.kind, e.to_value])).toEqual([["NEW", "ACTIVE"], ["STATUS", "SUPPRESSED"]]);
    expect(detail.events[0].at).toEqual(detail.finding.first_observed_at);
    const other = await getOtherResources(allScope, detail.finding);
    expect(other.rows.map((r) => r.resource_id)).toEqual(["i-other", "i-b"]);
    expect(other).toMatchObject({ total: 2, capped: false });
  });

  it("puts back the whole raw JSON of a finding the sync stored in pieces", async () => {
    const listed = ecrFinding({ findingArn: "arn:aws:inspector2:us-east-1:111111111111:finding/split", awsAccountId: A });
    const mapped = toFindingRow(listed, "us-east-1");
    if (!mapped.ok) throw new Error(mapped.error);
    await upsertFindings(database().pool, [mapped.row], { runId: null, syncedAt: new Date() });
    const detail = (await getFindingDetail(allScope, listed.findingArn!))!;
    expect(detail.finding.raw).toEqual(JSON.parse(JSON.stringify(listed)));
    expect(detail.finding).not.toHaveProperty("raw_vulnerability");
  });

  it("hides a finding outside the scope, and related findings outside it", async () => {
    expect(await getFindingDetail({ accountIds: [B] }, arn)).toBeUndefined();
    const detail = (await getFindingDetail({ accountIds: [A] }, arn))!;
    expect((await getOtherResources({ accountIds: [A] }, detail.finding)).rows.map((r) => r.resource_id)).toEqual(["i-other"]);
    expect(await getFindingDetail(allScope, "arn:aws:inspector2:us-east-1:111111111111:finding/none")).toBeUndefined();
  });
});
