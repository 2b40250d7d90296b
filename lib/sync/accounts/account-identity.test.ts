import { describe, expect, it } from "vitest";
import { accountIdentity } from "./account-identity";

const org = { id: "111122223333", name: "prod-payments", email: "a@x", status: "ACTIVE", joinedAt: null, ouId: "ou-1", ouName: "Prod", owner: "alice", team: "payments", tagsRead: true };

describe("accountIdentity", () => {
  it("prefers Organizations, with the configured owning team overriding the Team tag", () => {
    expect(accountIdentity("111122223333", org, { "111122223333": "configured" }, { "111122223333": "bob" })).toMatchObject({
      name: "prod-payments", owner: "alice", team: "bob", ouName: "Prod",
    });
    expect(accountIdentity("111122223333", org, {}, {})).toMatchObject({ owner: "alice", team: "payments" });
  });

  it("falls back to the configured name map, else leaves the name to the id", () => {
    expect(accountIdentity("111122223333", undefined, { "111122223333": "configured" }, {})).toMatchObject({ name: "configured", owner: null });
    expect(accountIdentity("444455556666", undefined, {}, {}).name).toBeNull();
  });
});
