import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { getFailedChecks, getLatestCisScans } from "./cis-results";

const A = "111111111111", B = "222222222222";
const database = setupQueryTestDatabase();

beforeAll(async () => {
  const d = database();
  await addAccount(d, A);
  await addAccount(d, B);
  const scan = (arn: string, date: string, ids: string[], status = "COMPLETED") => d.pool.query(
    "INSERT INTO cis_scans (scan_arn, region, scan_name, status, scan_date, security_level, account_ids, read_at) VALUES ($1, 'us-east-1', 'weekly', $2, $3, 'LEVEL_1', $4, now())",
    [arn, status, date, ids]);
  await scan("old", "2026-11-01", [A, B]);
  await scan("new", "2026-11-20", [A]);
  await scan("running", "2026-11-25", [A, B], "IN_PROGRESS");
  const check = (arn: string, id: string, acct: string, failed: number) => d.pool.query(
    "INSERT INTO cis_check_results (scan_arn, check_id, account_id, title, failed, passed) VALUES ($1, $2, $3, $4, $5, 1)", [arn, id, acct, `check ${id}`, failed]);
  await check("new", "1.1", A, 2);
  await check("new", "1.2", A, 0);
  await check("old", "1.1", A, 0);
});

describe("CIS results per account", () => {
  it("take each account's latest completed scan; checks never read stay unknown", async () => {
    const rows = await getLatestCisScans(allScope);
    expect(rows.map((r) => [r.accountId, r.scanArn, r.checks, r.failed])).toEqual([[A, "new", 2, 1], [B, "old", null, null]]);
    expect(await getLatestCisScans({ accountIds: [B] })).toHaveLength(1);
  });

  it("list the failed checks of the latest scans only", async () => {
    expect((await getFailedChecks(allScope, A, ["new"])).map((c) => [c.checkId, c.failed])).toEqual([["1.1", 2]]);
    expect(await getFailedChecks({ accountIds: [B] }, A, ["new"])).toEqual([]);
  });
});
