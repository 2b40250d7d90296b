import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AccessDeniedException, BatchGetAccountStatusCommand, DescribeOrganizationConfigurationCommand, GetDelegatedAdminAccountCommand,
  GetMemberCommand, Inspector2Client, ListDelegatedAdminAccountsCommand, ListFindingsCommand, ListMembersCommand,
  ResourceNotFoundException, paginateListMembers,
} from "@aws-sdk/client-inspector2";
import {
  DescribeOrganizationalUnitCommand, ListAccountsCommand, ListAccountsForParentCommand, ListOrganizationalUnitsForParentCommand, ListParentsCommand,
  ListRootsCommand, ListTagsForResourceCommand, OrganizationsClient, paginateListAccounts,
} from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { startEmulator, type EmulatorHandle } from "./server";
import { baseInspector, inspector, organizations, roleCredentials, sts, TEST_NOW } from "./test-support";

// The access model (STS, base vs assumed credentials, denied regions) and the
// organization-level operations of Inspector2 and Organizations.

let h: EmulatorHandle;
beforeAll(async () => { h = await startEmulator({ seed: 3, accounts: 12, findings: 1200, now: TEST_NOW }); });
afterAll(() => h.close());

describe("STS", () => {
  it("AssumeRole with the right external id returns ASIA credentials with an expiry", async () => {
    const r = await sts(h).send(new AssumeRoleCommand({ RoleArn: h.roleArn, RoleSessionName: "s1", ExternalId: h.externalId, DurationSeconds: 900 }));
    expect(r.Credentials!.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    const ttl = r.Credentials!.Expiration!.getTime() - Date.now();
    expect(ttl).toBeGreaterThan(850_000);
    expect(ttl).toBeLessThan(905_000);
    expect(r.AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${h.adminAccountId}:assumed-role/InspectorateReadOnly/s1`);
    const who = await new STSClient({ endpoint: h.url, region: "us-east-1", credentials: { accessKeyId: r.Credentials!.AccessKeyId!, secretAccessKey: r.Credentials!.SecretAccessKey!, sessionToken: r.Credentials!.SessionToken } })
      .send(new GetCallerIdentityCommand({}));
    expect(who.Arn).toContain(":assumed-role/InspectorateReadOnly/s1");
    expect(who.Account).toBe(h.adminAccountId);
  });

  it("wrong or missing ExternalId and other roles are AccessDenied", async () => {
    await expect(sts(h).send(new AssumeRoleCommand({ RoleArn: h.roleArn, RoleSessionName: "sess", ExternalId: "nope" }))).rejects.toMatchObject({ name: "AccessDenied" });
    await expect(sts(h).send(new AssumeRoleCommand({ RoleArn: h.roleArn, RoleSessionName: "sess" }))).rejects.toMatchObject({ name: "AccessDenied" });
    await expect(sts(h).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${h.adminAccountId}:role/Admin`, RoleSessionName: "sess", ExternalId: h.externalId }))).rejects.toMatchObject({ name: "AccessDenied" });
    await expect(sts(h).send(new AssumeRoleCommand({ RoleArn: h.roleArn, RoleSessionName: "sess", ExternalId: h.externalId, DurationSeconds: 60 }))).rejects.toMatchObject({ name: "ValidationError" });
    const bad = new Inspector2Client({ endpoint: h.url, region: "us-east-1", credentials: roleCredentials(h, "us-east-1", "wrong-id") });
    await expect(bad.send(new ListFindingsCommand({}))).rejects.toThrow(/not authorized to perform: sts:AssumeRole/);
  });

  it("base credentials identify a user but cannot read Inspector or Organizations", async () => {
    expect((await sts(h).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:iam::${h.adminAccountId}:user/inspectorate-demo`);
    const e = await baseInspector(h).send(new ListFindingsCommand({})).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AccessDeniedException);
    expect((e as Error).message).toMatch(/not authorized to perform: inspector2:ListFindings/);
    const orgs = new OrganizationsClient({ endpoint: h.url, region: "us-east-1", credentials: h.baseCredentials });
    await expect(orgs.send(new ListAccountsCommand({}))).rejects.toMatchObject({ name: "AccessDeniedException" });
  });

  it("denied regions answer AccessDenied to the admin role; regions hold separate data", async () => {
    h.setOptions({ deniedRegions: ["eu-west-1"] });
    try {
      await expect(inspector(h, "eu-west-1").send(new ListFindingsCommand({}))).rejects.toBeInstanceOf(AccessDeniedException);
      const us = await inspector(h, "us-east-1").send(new ListFindingsCommand({ maxResults: 5 }));
      expect(us.findings!.every((f) => f.findingArn!.includes(":us-east-1:"))).toBe(true);
    } finally {
      h.setOptions({ deniedRegions: [] });
    }
    const ap = await inspector(h, "ap-southeast-2").send(new ListFindingsCommand({ maxResults: 5 }));
    expect(ap.findings!.every((f) => f.findingArn!.includes(":ap-southeast-2:"))).toBe(true);
  });
});

describe("Inspector organization operations", () => {
  const c = () => inspector(h, "eu-west-1");

  it("delegated admin, organization configuration, members and account status", async () => {
    expect((await c().send(new GetDelegatedAdminAccountCommand({}))).delegatedAdmin).toEqual({ accountId: h.adminAccountId, relationshipStatus: "ENABLED" });
    expect((await c().send(new ListDelegatedAdminAccountsCommand({ maxResults: 5 }))).delegatedAdminAccounts).toEqual([{ accountId: h.adminAccountId, status: "ENABLED" }]);
    await expect(c().send(new ListDelegatedAdminAccountsCommand({ maxResults: 6 }))).rejects.toThrow(/less than or equal to 5/);
    expect((await c().send(new DescribeOrganizationConfigurationCommand({}))).autoEnable).toMatchObject({ ec2: true, ecr: true });
    const members = [];
    for await (const p of paginateListMembers({ client: c(), pageSize: 5 }, { maxResults: 5 })) members.push(...p.members!);
    expect(members.length).toBe(12); // management + 11 members (the admin is not its own member)
    await expect(c().send(new ListMembersCommand({ maxResults: 51 }))).rejects.toThrow(/less than or equal to 50/);
    const one = await c().send(new GetMemberCommand({ accountId: members[0].accountId }));
    expect(one.member!.delegatedAdminAccountId).toBe(h.adminAccountId);
    await expect(c().send(new GetMemberCommand({ accountId: "000000000000" }))).rejects.toBeInstanceOf(ResourceNotFoundException);
    const status = await c().send(new BatchGetAccountStatusCommand({ accountIds: [...members.map((m) => m.accountId!), "000000000000"] }));
    expect(status.failedAccounts!.map((f) => f.accountId)).toEqual(["000000000000"]);
    const states = new Set(status.accounts!.map((a) => a.state!.status));
    expect(states).toContain("ENABLED");
    expect(states).toContain("SUSPENDED"); // staging-data is suspended in eu-west-1
    expect(status.accounts!.every((a) => a.resourceState!.ec2!.status && a.resourceState!.lambdaCode)).toBe(true);
  });
});

describe("Organizations", () => {
  it("lists accounts with pagination, tags, parents and OUs", async () => {
    const o = organizations(h);
    const accounts = [];
    for await (const p of paginateListAccounts({ client: o, pageSize: 5 }, { MaxResults: 5 })) accounts.push(...p.Accounts!);
    expect(accounts.length).toBe(13);
    expect(accounts.map((a) => a.Name)).toEqual(expect.arrayContaining(["prod-payments", "prod-identity", "staging-data", "sandbox-alice", "security-tooling"]));
    expect(accounts[0].JoinedTimestamp).toBeInstanceOf(Date);
    const pay = accounts.find((a) => a.Name === "prod-payments")!;
    const tags = (await o.send(new ListTagsForResourceCommand({ ResourceId: pay.Id }))).Tags!;
    expect(tags).toEqual(expect.arrayContaining([{ Key: "Team", Value: "payments" }, expect.objectContaining({ Key: "Owner" })]));
    const parent = (await o.send(new ListParentsCommand({ ChildId: pay.Id }))).Parents![0];
    expect(parent.Type).toBe("ORGANIZATIONAL_UNIT");
    expect((await o.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: parent.Id }))).OrganizationalUnit!.Name).toBe("Production");
    const root = (await o.send(new ListRootsCommand({}))).Roots![0];
    const ous = (await o.send(new ListOrganizationalUnitsForParentCommand({ ParentId: root.Id }))).OrganizationalUnits!;
    expect(ous.map((u) => u.Name)).toEqual(expect.arrayContaining(["Workloads", "Sandbox", "Security"]));
    expect(ous.map((u) => u.Name)).not.toContain("Production");
    // Nested as real organizations are: Production sits in Workloads, which holds no account itself.
    const workloads = ous.find((u) => u.Name === "Workloads")!;
    const nested = (await o.send(new ListOrganizationalUnitsForParentCommand({ ParentId: workloads.Id }))).OrganizationalUnits!;
    expect(nested.map((u) => u.Name)).toEqual(expect.arrayContaining(["Production", "Staging"]));
    expect(nested.find((u) => u.Name === "Production")!.Id).toBe(parent.Id);
    expect((await o.send(new ListParentsCommand({ ChildId: parent.Id }))).Parents).toEqual([{ Id: workloads.Id, Type: "ORGANIZATIONAL_UNIT" }]);
    expect((await o.send(new ListAccountsForParentCommand({ ParentId: workloads.Id }))).Accounts).toEqual([]);
    const inProduction = (await o.send(new ListAccountsForParentCommand({ ParentId: parent.Id }))).Accounts!.map((a) => a.Name);
    expect(inProduction).toContain("prod-payments");
    await expect(o.send(new ListParentsCommand({ ChildId: "999999999999" }))).rejects.toMatchObject({ name: "ChildNotFoundException" });
  });

  it("refuses the actions the role is denied (deniedActions, set through the control endpoint) and no others", async () => {
    const o = organizations(h);
    const set = (deniedActions: string[]) => fetch(`${h.url}/_emulator/options`, { method: "POST", body: JSON.stringify({ deniedActions }) });
    expect((await set(["organizations:ListRoots"])).status).toBe(200);
    try {
      const denied = await o.send(new ListRootsCommand({})).catch((e: Error) => e);
      expect(denied).toMatchObject({ name: "AccessDeniedException", message: expect.stringContaining("not authorized to perform: organizations:ListRoots") });
      expect((await o.send(new ListAccountsCommand({}))).Accounts!.length).toBeGreaterThan(0);
    } finally {
      await set([]);
    }
    expect((await o.send(new ListRootsCommand({}))).Roots).toHaveLength(1);
  });
});
