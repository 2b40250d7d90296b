// POST /api/gate's verb for a caller limited to some accounts: live data (`observed`) only about its
// own accounts, and only the risk exceptions its scope may see, however the findings it sends are
// made up. The environment's gate token sees the whole organization, as before.
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { allScope } from "@/lib/queries/scope";
import { insertException } from "@/lib/queries/review/review-fixtures";
import { addAccount, addFinding, daysAgo, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { evaluateGate } from "./gate-evaluate";

const database = setupQueryTestDatabase();
const A = "111111111111", B = "222222222222";
const B_HOST = "i-0bbbbbbbbbbbbbbbb", A_HOST = "i-0aaaaaaaaaaaaaaaa";
const viewerOfA: Actor = { kind: "token", id: "t-a", name: 'token "team-a ci"', role: "viewer", scope: { accountIds: [A] } };
const gateToken: Actor = { kind: "token", id: "env:INSPECTORATE_GATE_TOKEN", name: "gate token", role: "analyst", scope: allScope };
const image = { kind: "ecr-image", repository: "team-a/api", digest: `sha256:${"a".repeat(64)}` };
const coverage = (accountId: string) => ({ accountId, resourceId: A_HOST, scanStatus: { statusCode: "ACTIVE", reason: "SUCCESSFUL" }, lastScannedAt: new Date().toISOString() });

let seq = 0;
/** A raw Inspector finding as the CLI sends it: critical, exploitable, fixable (the default policy fails it). */
const raw = (account: string, vulnerabilityId: string, resourceId: string, extra: Record<string, unknown> = {}) => ({
  findingArn: `arn:aws:inspector2:us-east-1:${account}:finding/${(++seq).toString(16).padStart(32, "0")}`, title: `${vulnerabilityId} - curl`, severity: "CRITICAL",
  status: "ACTIVE", type: "PACKAGE_VULNERABILITY", exploitAvailable: "YES", fixAvailable: "YES",
  packageVulnerabilityDetails: { vulnerabilityId, vulnerablePackages: [{ name: "curl" }] }, resources: [{ type: "AWS_EC2_INSTANCE", id: resourceId }], ...extra,
});
const decisions = async () => Number((await database().pool.query(`SELECT count(*) FROM gate_decisions`)).rows[0].count);
const ask = (actor: Actor, findings: unknown[], cov: unknown = coverage(A)) => evaluateGate({ artifact: image, observed: { coverage: cov, findings } }, actor);

async function seedOtherAccountsException() {
  const d = database();
  await addAccount(d, A);
  await addAccount(d, B);
  // B's finding and B's exception on it; A has CVE-2024-0002 too, under an org-wide exception.
  await addFinding(d, { account_id: B, vulnerability_id: "CVE-2024-0001", resource_id: B_HOST, severity: "CRITICAL" });
  await addFinding(d, { account_id: A, vulnerability_id: "CVE-2024-0002", resource_id: A_HOST, severity: "CRITICAL" });
  await addFinding(d, { account_id: B, vulnerability_id: "CVE-2024-0002", resource_id: B_HOST, severity: "CRITICAL" });
  const window = { createdAt: daysAgo(1).toISOString(), expiresAt: daysAgo(-30).toISOString() };
  const onlyB = await insertException(d.pool, { vulnerabilityId: "CVE-2024-0001", resourceIds: [B_HOST], owner: "search-team", reason: "B's private reason", ...window });
  const orgWide = await insertException(d.pool, { vulnerabilityId: "CVE-2024-0002", owner: "platform", reason: "no fix upstream", ...window });
  return { onlyB, orgWide };
}

describe("POST /api/gate with observed findings, for a scoped caller (database)", () => {
  let ids: { onlyB: string; orgWide: string };

  it("refuses findings or coverage of an account outside the scope, naming the field and the account, and records nothing", async () => {
    ids = await seedOtherAccountsException();
    const before = await decisions();
    const message = `account ${B} is outside your scope: only a caller who sees the whole organization may send another account's data`;
    expect(await ask(viewerOfA, [raw(A, "CVE-2024-0003", A_HOST), raw(B, "CVE-2024-0001", B_HOST)]))
      .toEqual({ ok: false, status: 403, issues: [{ field: "observed.findings[1].findingArn", message }] });
    expect(await ask(viewerOfA, [raw(A, "CVE-2024-0001", A_HOST)], coverage(B)))
      .toEqual({ ok: false, status: 403, issues: [{ field: "observed.coverage.accountId", message }] });
    expect(await evaluateGate({ artifact: { ...image, accountId: B }, observed: { coverage: coverage(A), findings: [raw(A, "CVE-2024-0001", A_HOST)] } }, viewerOfA))
      .toEqual({ ok: false, status: 403, issues: [{ field: "artifact.accountId", message }] });
    expect(await ask(viewerOfA, [raw(A, "CVE-2024-0001", A_HOST, { awsAccountId: B })]))
      .toEqual({ ok: false, status: 403, issues: [{ field: "observed.findings[0].awsAccountId", message }] });
    const lambda = `arn:aws:lambda:us-east-1:${B}:function:search`;
    expect(await ask(viewerOfA, [raw(A, "CVE-2024-0001", A_HOST, { resources: [{ type: "AWS_EC2_INSTANCE", id: A_HOST }, { type: "AWS_LAMBDA_FUNCTION", id: lambda }] })]))
      .toEqual({ ok: false, status: 403, issues: [{ field: "observed.findings[0].resources[1].id", message }] });
    expect(await ask(viewerOfA, [raw(A, "CVE-2024-0001", A_HOST, { findingArn: "made-up" })]))
      .toMatchObject({ ok: false, status: 400, issues: [{ field: "observed.findings[0].findingArn" }] });
    expect(await decisions()).toBe(before);
  });

  it("does not pass, nor reveal, an exception whose findings all lie in other accounts", async () => {
    // A made-up finding in A's account, on B's resource, with B's CVE: B's exception would cover it.
    const r = await ask(viewerOfA, [raw(A, "CVE-2024-0001", B_HOST)]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.body).toMatchObject({ verdict: "fail", excepted: [] });
    const text = JSON.stringify(r.body);
    for (const secret of [ids.onlyB, "search-team", "B's private reason"]) expect(text).not.toContain(secret);
    const stored = (await database().pool.query(`SELECT exception_ids::text[] AS ids, result::text FROM gate_decisions WHERE id = $1`, [r.body.decisionId])).rows[0];
    expect(stored.ids).toEqual([]);
    expect(stored.result).not.toContain("search-team");
  });

  it("still passes a finding by an exception that also covers the scope's own findings", async () => {
    const r = await ask(viewerOfA, [raw(A, "CVE-2024-0002", A_HOST)]);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.body).toMatchObject({ verdict: "pass", excepted: [{ exceptionId: ids.orgWide, owner: "platform" }] });
  });

  it("leaves the environment's gate token, which sees the whole organization, as it was", async () => {
    const r = await ask(gateToken, [raw(B, "CVE-2024-0001", B_HOST)], coverage(B));
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.body).toMatchObject({ verdict: "pass", excepted: [{ exceptionId: ids.onlyB, owner: "search-team", reason: "B's private reason" }] });
  });
});
