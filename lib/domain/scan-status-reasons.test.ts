import { describe, expect, it } from "vitest";
import { ScanStatusReason } from "@aws-sdk/client-inspector2";
import { explainScanStatusReason, scanStatusReasonCodes, scanStatusReasons } from "./scan-status-reasons";

// Every scanStatus.reason in the inspector2 reference (§6), original and added over time.
const referenceCodes = `PENDING_INITIAL_SCAN ACCESS_DENIED INTERNAL_ERROR UNMANAGED_EC2_INSTANCE UNSUPPORTED_OS
SCAN_ELIGIBILITY_EXPIRED RESOURCE_TERMINATED SUCCESSFUL NO_RESOURCES_FOUND IMAGE_SIZE_EXCEEDED SCAN_FREQUENCY_MANUAL
SCAN_FREQUENCY_SCAN_ON_PUSH EC2_INSTANCE_STOPPED PENDING_DISABLE NO_INVENTORY STALE_INVENTORY EXCLUDED_BY_TAG
UNSUPPORTED_RUNTIME UNSUPPORTED_MEDIA_TYPE UNSUPPORTED_CONFIG_FILE DEEP_INSPECTION_PACKAGE_COLLECTION_LIMIT_EXCEEDED
DEEP_INSPECTION_DAILY_SSM_INVENTORY_LIMIT_EXCEEDED DEEP_INSPECTION_COLLECTION_TIME_LIMIT_EXCEEDED DEEP_INSPECTION_NO_INVENTORY
AGENTLESS_INSTANCE_STORAGE_LIMIT_EXCEEDED AGENTLESS_INSTANCE_COLLECTION_TIME_LIMIT_EXCEEDED SCAN_IN_PROGRESS
PENDING_REVIVAL_SCAN INTEGRATION_CONNECTION_LOST ACCESS_DENIED_TO_ENCRYPTION_KEY UNSUPPORTED_LANGUAGE
NO_SCAN_CONFIGURATION_ASSOCIATED IMAGE_ARCHIVED UNSUPPORTED_CODE_ARTIFACTS RESOURCE_UNMANAGED RESOURCE_STOPPED`.split(/\s+/);

describe("scan status reasons", () => {
  it("explain every reason code Inspector documents, with a cause and a fix", () => {
    expect([...scanStatusReasonCodes].sort()).toEqual([...referenceCodes].sort());
    for (const code of referenceCodes) {
      const info = explainScanStatusReason(code);
      expect(info.cause.length, code).toBeGreaterThan(20);
      expect(info.fix.length, code).toBeGreaterThan(10);
    }
  });

  it("explain every ScanStatusReason of the installed SDK (a new SDK with a new reason fails here)", () => {
    const sdk = Object.values(ScanStatusReason);
    expect(sdk.length).toBeGreaterThan(30);
    expect(sdk.filter((code) => !(code in scanStatusReasons))).toEqual([]);
  });

  it("name the SSM agent for an unmanaged instance and fall back for unknown codes", () => {
    expect(explainScanStatusReason("UNMANAGED_EC2_INSTANCE").cause).toMatch(/SSM agent/);
    const unknown = explainScanStatusReason("SOMETHING_NEW");
    expect(unknown.code).toBe("SOMETHING_NEW");
    expect(unknown.cause).toMatch(/does not know/);
  });
});
