import { describe, expect, it } from "vitest";
import { decideLifecycle, goneReason } from "./account-lifecycle";
import type { RegionAccounts } from "./inspector-accounts";
import type { OrgAccount } from "./org-accounts";

const A = "111111111111";
const ADMIN = "999999999999";
const region = (rel: string | undefined, status: string | null): RegionAccounts => ({
  region: "us-east-1",
  relationships: new Map(rel ? [[A, rel]] : []),
  states: new Map(status ? [[A, { accountId: A, inspectorStatus: status, ec2Status: null, ecrStatus: null, lambdaStatus: null, lambdaCodeStatus: null, error: null }]] : []),
});
const org = (status = "ACTIVE") => new Map<string, OrgAccount>([[A, { id: A, name: "a", email: null, status, joinedAt: null, ouId: null, ouName: null, owner: null, team: null, tagsRead: true }]]);
const base = { id: A, adminId: ADMIN, previous: "ACTIVE" as const, knownToInspector: true };

describe("decideLifecycle", () => {
  it("reads the organization first, then Inspector membership in any readable region", () => {
    expect(decideLifecycle({ ...base, org: new Map(), regions: [region("ENABLED", "ENABLED")] })).toBe("LEFT_ORGANIZATION");
    expect(decideLifecycle({ ...base, org: org("SUSPENDED"), regions: [region("ENABLED", "ENABLED")] })).toBe("SUSPENDED");
    expect(decideLifecycle({ ...base, org: org(), regions: [region("REMOVED", null), region("ENABLED", "ENABLED")] })).toBe("ACTIVE");
    expect(decideLifecycle({ ...base, org: org(), regions: [region("REMOVED", null)] })).toBe("LEFT_INSPECTOR");
    expect(decideLifecycle({ ...base, org: org(), regions: [region("DISABLED", "DISABLED")] })).toBe("LEFT_INSPECTOR");
    expect(decideLifecycle({ ...base, org: org(), regions: [region("ACCOUNT_SUSPENDED", "SUSPENDED")] })).toBe("SUSPENDED");
  });

  it("keeps what it knew when nothing could be read, and never calls a never-associated account 'left'", () => {
    expect(decideLifecycle({ ...base, org: null, regions: [], previous: "SUSPENDED" })).toBe("SUSPENDED");
    expect(decideLifecycle({ ...base, org: org(), regions: [region("CREATED", "DISABLED")], knownToInspector: false })).toBe("ACTIVE");
    expect(decideLifecycle({ ...base, id: ADMIN, org: new Map(), regions: [] })).toBe("ACTIVE");
  });
});

describe("goneReason", () => {
  it("names the account's lifecycle, else its state in the region, else retention", () => {
    expect(goneReason("LEFT_ORGANIZATION", region("ENABLED", "ENABLED"), A)).toBe("ACCOUNT_LEFT_ORGANIZATION");
    expect(goneReason("ACTIVE", region("ENABLED", "SUSPENDED"), A)).toBe("ACCOUNT_SUSPENDED");
    expect(goneReason("ACTIVE", region("ENABLED", "DISABLED"), A)).toBe("ACCOUNT_LEFT_INSPECTOR");
    expect(goneReason("ACTIVE", region("ENABLED", "ENABLED"), A)).toBe("RETENTION");
  });
});
