import { describe, expect, it } from "vitest";
import { groupOptions, groupScope, resolveGroup, type ReviewAccount } from "./review-accounts";

const accounts: ReviewAccount[] = [
  { id: "111111111111", name: "payments-prod", ouName: "Production", owner: "payments" },
  { id: "222222222222", name: "payments-dev", ouName: "Development", owner: "payments" },
  { id: "333333333333", name: "search-prod", ouName: "Production", owner: "search" },
];

describe("review groups", () => {
  it("narrows to an OU, an owner or an account", () => {
    expect(resolveGroup(accounts, "ou", "Production").accountIds).toEqual(["111111111111", "333333333333"]);
    expect(resolveGroup(accounts, "owner", "payments")).toMatchObject({ label: "Owner payments", accountIds: ["111111111111", "222222222222"] });
    expect(resolveGroup(accounts, "account", "333333333333")).toMatchObject({ label: "Account search-prod", accountIds: ["333333333333"] });
    expect(resolveGroup(accounts, "org")).toMatchObject({ kind: "org", label: "Whole organization" });
  });

  it("calls a scoped viewer's every-account view theirs, with its count, never the whole organization", () => {
    expect(resolveGroup(accounts, "org", undefined, false)).toMatchObject({ kind: "org", label: "Your 3 accounts", accountIds: accounts.map((a) => a.id) });
    expect(resolveGroup(accounts.slice(0, 1), "org", undefined, false).label).toBe("Your 1 account");
    expect(groupOptions(accounts.slice(0, 2), false).everyLabel).toBe("Your 2 accounts");
    expect(groupOptions(accounts).everyLabel).toBe("Whole organization");
  });

  it("counts, as Accounts does, only the accounts still present: one that left stays in the group, not in the count", () => {
    const withDeparted = [...accounts, { id: "444444444444", name: "old-prod", ouName: "Production", owner: "search", left: true }];
    expect(resolveGroup(withDeparted, "org", undefined, false)).toMatchObject({ label: "Your 3 accounts", accountIds: withDeparted.map((a) => a.id) });
    expect(groupOptions(withDeparted, false).everyLabel).toBe("Your 3 accounts");
  });

  it("never widens: an unknown group is empty, and the viewer's scope still applies", () => {
    const unknown = resolveGroup(accounts, "ou", "Nope");
    expect(groupScope({ accountIds: "all" }, unknown)).toEqual({ accountIds: [] });
    const prod = resolveGroup(accounts, "ou", "Production");
    expect(groupScope({ accountIds: ["333333333333"] }, prod)).toEqual({ accountIds: ["333333333333"] });
    expect(groupScope({ accountIds: ["333333333333"] }, resolveGroup(accounts, "org"))).toEqual({ accountIds: ["333333333333"] });
  });

  it("offers each OU and owner once, sorted, and the first account (not every one)", () => {
    expect(groupOptions(accounts)).toEqual({ ous: ["Development", "Production"], owners: ["payments", "search"], firstAccount: accounts[0].id, everyLabel: "Whole organization" });
    expect(groupOptions([])).toEqual({ ous: [], owners: [], firstAccount: null, everyLabel: "Whole organization" });
  });
});
