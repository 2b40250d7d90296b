import { describe, expect, it } from "vitest";
import { AwsCallError } from "@/lib/aws/errors";
import { accountSyncStatus } from "./account-status";

const denied = new AwsCallError("ACCESS_DENIED", "inspector2:ListFindings", "eu-west-1", "explicit deny");
const throttled = new AwsCallError("THROTTLED", "inspector2:ListFindings", "eu-west-1", "Rate exceeded");

describe("accountSyncStatus", () => {
  it("reports the region's or the listing's failure first, by kind", () => {
    expect(accountSyncStatus({ regionError: denied, enabled: { ok: true } })).toEqual({
      status: "ACCESS_DENIED",
      error: "access denied: the role needs inspector2:ListFindings in eu-west-1: explicit deny",
    });
    expect(accountSyncStatus({ listingError: throttled, enabled: { ok: true } }).status).toBe("ERROR");
  });

  it("then whether Inspector is enabled, else OK", () => {
    expect(accountSyncStatus({ enabled: { ok: false, why: "Inspector is DISABLED" } })).toEqual({ status: "INSPECTOR_DISABLED", error: "Inspector is DISABLED" });
    expect(accountSyncStatus({ enabled: { ok: true } })).toEqual({ status: "OK", error: null });
  });
});
