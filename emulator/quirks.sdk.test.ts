import { afterEach, describe, expect, it } from "vitest";
import { BatchGetAccountStatusCommand, ListFindingAggregationsCommand, ListMembersCommand } from "@aws-sdk/client-inspector2";
import { ListAccountsCommand } from "@aws-sdk/client-organizations";
import { startEmulator, type EmulatorHandle } from "./server";
import { allFindings, inspector, organizations, TEST_NOW } from "./test-support";

// Real AWS's quirks, each an option, seen through the real SDK.
let h: EmulatorHandle | undefined;
afterEach(async () => h?.close());
const start = async (quirks = {}) => (h = await startEmulator({ seed: 11, accounts: 6, findings: 900, regions: ["us-east-1"], now: TEST_NOW, quirks }));
const activeOf = async (e: EmulatorHandle, account: string) =>
  (await allFindings(inspector(e), { awsAccountId: [{ comparison: "EQUALS", value: account }], findingStatus: [{ comparison: "EQUALS", value: "ACTIVE" }] })).length;
const busiest = async (e: EmulatorHandle) => {
  const counts = new Map<string, number>();
  for (const f of await allFindings(inspector(e))) if (f.awsAccountId !== e.adminAccountId) counts.set(f.awsAccountId!, (counts.get(f.awsAccountId!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
};

describe("emulator quirks", () => {
  it("every response carries AWS's time in its Date header; handle.now() is the app's clock, skewed", async () => {
    const e = await start({ clockSkewSeconds: -120 });
    const res = await fetch(`${e.url}/_emulator/state`);
    expect(new Date(res.headers.get("date")!).getTime()).toBe(TEST_NOW.getTime());
    expect(e.now().getTime()).toBe(TEST_NOW.getTime() + 120_000);
  });

  it("a member leaving Inspector disappears from every answer, ACTIVE findings and aggregations included", async () => {
    const e = await start();
    const member = await busiest(e);
    expect(await activeOf(e, member)).toBeGreaterThan(0);
    expect(e.change("leaveInspector", member)).toBe(true);
    expect(await activeOf(e, member)).toBe(0);
    const agg = await inspector(e).send(new ListFindingAggregationsCommand({ aggregationType: "ACCOUNT" }));
    expect(agg.responses?.some((r) => r.accountAggregation?.accountId === member)).toBe(false);
    const members = await inspector(e).send(new ListMembersCommand({ onlyAssociated: false }));
    expect(members.members?.find((m) => m.accountId === member)?.relationshipStatus).toBe("REMOVED");
    const status = await inspector(e).send(new BatchGetAccountStatusCommand({ accountIds: [member] }));
    expect(status.failedAccounts?.[0]).toMatchObject({ accountId: member, errorCode: "ACCESS_DENIED" });
  });

  it("suspended and departed accounts show in Organizations; the control endpoint makes the same changes", async () => {
    const e = await start();
    const [a, b] = e.accountIds().filter((id) => id !== e.adminAccountId && id !== e.managementAccountId);
    expect((await fetch(`${e.url}/_emulator/change`, { method: "POST", body: JSON.stringify({ change: "suspendAccount", accountId: a }) })).status).toBe(200);
    expect((await fetch(`${e.url}/_emulator/change`, { method: "POST", body: JSON.stringify({ change: "leaveOrganization", accountId: b }) })).status).toBe(200);
    expect((await fetch(`${e.url}/_emulator/change`, { method: "POST", body: JSON.stringify({ change: "explode", accountId: b }) })).status).toBe(400);
    const accounts = (await organizations(e).send(new ListAccountsCommand({}))).Accounts ?? [];
    expect(accounts.find((x) => x.Id === a)?.Status).toBe("SUSPENDED");
    expect(accounts.find((x) => x.Id === b)).toBeUndefined();
  });

  it("listing lag: a change becomes listable only minutes after its updatedAt", async () => {
    const e = await start({ listingLagSeconds: 300 });
    const member = await busiest(e);
    const open = await activeOf(e, member);
    expect(e.change("terminateResource", member, 0)).toBe(true);
    expect(await activeOf(e, member)).toBe(open);
    await e.advance(4 / 1440);
    expect(await activeOf(e, member)).toBe(open);
    await e.advance(2 / 1440);
    const closed = (await allFindings(inspector(e), { awsAccountId: [{ comparison: "EQUALS", value: member }], updatedAt: [{ startInclusive: TEST_NOW }] }));
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((f) => f.status === "CLOSED" && f.updatedAt!.getTime() === TEST_NOW.getTime())).toBe(true);
    expect(await activeOf(e, member)).toBe(open - closed.length);
  });

  it("retention: terminated resources' findings go after 3 days, a disabled account's after 24 h", async () => {
    const e = await start({ disabledRetention: true });
    const [member, other] = [await busiest(e), e.accountIds().find((id) => id !== e.adminAccountId && id !== e.managementAccountId)!];
    const target = member === other ? e.accountIds().filter((id) => id !== e.adminAccountId && id !== member)[1] : other;
    expect(e.change("terminateResource", member, 0)).toBe(true);
    const closedNow = (await allFindings(inspector(e), { updatedAt: [{ startInclusive: TEST_NOW }] })).map((f) => f.findingArn);
    expect(e.change("disableInspector", target)).toBe(true);
    const held = (await allFindings(inspector(e), { awsAccountId: [{ comparison: "EQUALS", value: target }] })).length;
    await e.advance(0.9);
    expect((await allFindings(inspector(e), { awsAccountId: [{ comparison: "EQUALS", value: target }] })).length).toBe(held);
    await e.advance(0.2);
    expect((await allFindings(inspector(e), { awsAccountId: [{ comparison: "EQUALS", value: target }] })).length).toBe(0);
    await e.advance(2);
    const left = new Set((await allFindings(inspector(e))).map((f) => f.findingArn));
    expect(closedNow.filter((arn) => left.has(arn))).toEqual([]);
  });

  it("findings of a real size: package findings list as many reference URLs as asked, the advisory's own first", async () => {
    const plain = (await allFindings(inspector(await start()))).filter((f) => f.packageVulnerabilityDetails);
    await h!.close();
    const sized = (await allFindings(inspector(await start({ referenceUrls: 30 })))).filter((f) => f.packageVulnerabilityDetails);
    expect(sized.length).toBe(plain.length);
    expect(plain.every((f) => f.packageVulnerabilityDetails!.referenceUrls!.length === 1)).toBe(true);
    expect(sized.every((f, i) => f.packageVulnerabilityDetails!.referenceUrls!.length === 30
      && f.packageVulnerabilityDetails!.referenceUrls![0] === plain[i].packageVulnerabilityDetails!.referenceUrls![0])).toBe(true);
    expect(new Set(sized[0].packageVulnerabilityDetails!.referenceUrls).size).toBe(30);
    const bytes = (fs: typeof plain) => JSON.stringify(fs).length / fs.length;
    expect(bytes(sized) - bytes(plain)).toBeGreaterThan(29 * 40);
  });
});
