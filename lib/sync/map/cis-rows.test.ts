import { describe, expect, it } from "vitest";
import { latestScans, toCisCheckRow, toCisScanRow } from "./cis-rows";

const scan = (scanArn: string, day: number, accountIds: string[], status = "COMPLETED") =>
  toCisScanRow({ scanArn, scanConfigurationArn: "cfg", status: status as never, scanDate: new Date(Date.UTC(2026, 10, day)), targets: { accountIds } })!;

describe("CIS scan mapping", () => {
  it("picks each account's newest completed scan", () => {
    const rows = [scan("old", 1, ["a", "b"]), scan("new", 8, ["a"]), scan("running", 9, ["a", "b"], "IN_PROGRESS")];
    expect(latestScans(rows).sort()).toEqual(["new", "old"]);
  });

  it("keeps absent counts unknown and drops rows without their keys", () => {
    expect(toCisScanRow({ scanArn: "s", scanConfigurationArn: undefined })).toMatchObject({ failedChecks: null, totalChecks: null, accountIds: [] });
    expect(toCisCheckRow({ scanArn: "s", checkId: "1.1", accountId: "111122223333" })).toMatchObject({ failed: null, passed: null });
    expect(toCisCheckRow({ scanArn: "s", checkId: "1.1" })).toBeNull();
    expect(toCisScanRow({ scanArn: undefined, scanConfigurationArn: "c" })).toBeNull();
  });
});
