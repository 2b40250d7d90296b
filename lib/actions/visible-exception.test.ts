// Whether a scoped analyst may revoke or approve an exception: only when every finding it covers lies
// in their accounts. "Covers" must be the coverage rule every read model uses (aliases both ways,
// every resource of a finding), or an exception reaching another account by an alias or by a
// secondary resource would pass as the analyst's own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import type { TestDatabase } from "@/lib/db/test-database";
import { allScope } from "@/lib/queries/scope";
import { closeReviewDatabase, insertAccount, insertFinding, useReviewDatabase } from "@/lib/queries/review/review-fixtures";
import { approveRiskException, revokeRiskException } from "./risk-exception-store";

const A = "111111111111", B = "222222222222";
const first = "2026-10-01T00:00:00Z";
const now = new Date("2026-11-26T14:00:00Z");
const scopedToA: Actor = { kind: "user", id: "u-ana", name: "ana@example.com", role: "analyst", scope: { accountIds: [A] } };
const wholeOrg: Actor = { kind: "user", id: "u-bob", name: "bob@example.com", role: "analyst", scope: allScope };

describe("which exceptions a scoped analyst may change (database)", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await useReviewDatabase();
    await insertAccount(t.pool, { id: A });
    await insertAccount(t.pool, { id: B });
    // CVE-X: A's finding under the CVE, B's finding recorded under a GHSA alias of it.
    await insertFinding(t.pool, { arn: "fa-x", accountId: A, firstObservedAt: first, vulnerabilityId: "CVE-X", resourceId: "i-a" });
    await insertFinding(t.pool, { arn: "fb-x", accountId: B, firstObservedAt: first, vulnerabilityId: "GHSA-xxxx-yyyy-zzzz", relatedVulnerabilities: ["CVE-X"], resourceId: "i-b" });
    // CVE-Y on i-shared: A's primary resource, B's finding's second resource.
    await insertFinding(t.pool, { arn: "fa-y", accountId: A, firstObservedAt: first, vulnerabilityId: "CVE-Y", resourceId: "i-shared" });
    await insertFinding(t.pool, { arn: "fb-y", accountId: B, firstObservedAt: first, vulnerabilityId: "CVE-Y", resourceId: "i-b2", moreResourceIds: ["i-shared"] });
    // CVE-Z: only A has it, under the CVE; the exception names the GHSA and lists the CVE as an alias.
    await insertFinding(t.pool, { arn: "fa-z", accountId: A, firstObservedAt: first, vulnerabilityId: "CVE-Z", resourceId: "i-a" });
  });
  afterAll(() => closeReviewDatabase(t));

  const exception = async (e: { vulnerabilityId: string; aliases?: string[]; resourceIds?: string[]; approved?: boolean }) => {
    const r = await t.pool.query(
      `INSERT INTO risk_exceptions (vulnerability_id, aliases, resource_ids, reason, owner, created_by, created_by_id, created_at, expires_at, approved_at, approved_by)
       VALUES ($1, $2, $3, 'vendor patch due', 'platform', 'carol@example.com', 'u-carol', $4, $5, $6, $7) RETURNING public_id::text AS id`,
      [e.vulnerabilityId, e.aliases ?? [], e.resourceIds ?? [], first, "2027-01-31T23:59:59Z", e.approved === false ? null : first, e.approved === false ? null : "carol@example.com"],
    );
    return r.rows[0].id as string;
  };
  const revokedAt = async (id: string) => (await t.pool.query(`SELECT revoked_at FROM risk_exceptions WHERE public_id = $1`, [id])).rows[0].revoked_at;
  const notFound = { ok: false, status: 404, issues: [{ field: "id", message: "no such exception" }] };

  it("refuses an exception on a CVE that also covers another account's finding recorded under a GHSA alias", async () => {
    const id = await exception({ vulnerabilityId: "CVE-X" });
    expect(await revokeRiskException({ actor: scopedToA, now }, id)).toEqual(notFound);
    expect(await revokedAt(id)).toBeNull();
    // Someone who sees the whole organization may revoke it.
    expect(await revokeRiskException({ actor: wholeOrg, now }, id)).toMatchObject({ ok: true, id });
  });

  it("refuses approving an exception that reaches another account's finding through its second resource", async () => {
    const id = await exception({ vulnerabilityId: "CVE-Y", resourceIds: ["i-shared"], approved: false });
    expect(await approveRiskException({ actor: scopedToA, now }, id)).toEqual(notFound);
    expect((await t.pool.query(`SELECT approved_at FROM risk_exceptions WHERE public_id = $1`, [id])).rows[0].approved_at).toBeNull();
  });

  it("lets the analyst change an exception whose findings, matched by alias, are all in their accounts", async () => {
    const id = await exception({ vulnerabilityId: "GHSA-zzzz-zzzz-zzzz", aliases: ["CVE-Z"] });
    expect(await revokeRiskException({ actor: scopedToA, now }, id)).toMatchObject({ ok: true, id });
    expect(await revokedAt(id)).toEqual(now);
  });
});
