// The gate's reading of the cache: an instance's open findings include those that name it as a
// secondary resource, and a risk exception passes a finding by its key or an alias, either way
// round, on any of its resources — the same coverage the review and the explorer give exceptions.
import { describe, expect, it } from "vitest";
import { decide } from "@/lib/gate/decide";
import { policySchema } from "@/lib/gate/policy-schema";
import { insertException } from "@/lib/queries/review/review-fixtures";
import { addAccount, addAccountRegion, addCoveredResource, addFinding, daysAgo, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { allScope } from "@/lib/queries/scope";
import { observeFromCache } from "./artifact-observation";
import { exceptionsFor } from "./gate-exceptions";

const database = setupQueryTestDatabase();
const A = "111122223333";
const HOST = "i-0aaaaaaaaaaaaaaaa";
const policy = policySchema.parse({ name: "p", rules: [{ id: "no-criticals", when: { severities: ["CRITICAL"] } }] });

describe("gate on the cache", () => {
  it("finds secondary-resource findings and passes them by alias exceptions", async () => {
    const d = database();
    await addAccount(d, A);
    await addAccountRegion(d, A, "us-east-1");
    await addCoveredResource(d, { account_id: A, resource_id: HOST });
    const ghsa = await addFinding(d, { account_id: A, severity: "CRITICAL", vulnerability_id: "GHSA-2w8p-mmx4-hcvm", related_vulnerabilities: ["CVE-2023-38545"], resource_id: HOST });
    const secondary = await addFinding(d, { account_id: A, severity: "CRITICAL", vulnerability_id: "CVE-2024-6119", resource_id: "i-0bbbbbbbbbbbbbbbb", more_resources: [{ id: HOST }] });
    await addFinding(d, { account_id: A, severity: "CRITICAL", resource_id: HOST, status: "CLOSED" });
    await addFinding(d, { account_id: A, severity: "CRITICAL", resource_id: "i-0cccccccccccccccc" });

    const o = await observeFromCache(allScope, { kind: "ec2-instance", instanceId: HOST });
    if (!o.ok) throw new Error(o.message);
    expect(o.observation.findings.map((f) => f.arn).sort()).toEqual([ghsa, secondary].sort());
    expect(o.observation.findings.find((f) => f.arn === secondary)?.resourceIds).toEqual(["i-0bbbbbbbbbbbbbbbb", HOST]);
    expect(decide(policy, o.observation, await exceptionsFor(o.observation.findings, allScope), new Date()).failing.map((f) => f.arn).sort()).toEqual([ghsa, secondary].sort());

    const byCve = await insertException(d.pool, { vulnerabilityId: "CVE-2023-38545", createdAt: daysAgo(1).toISOString(), expiresAt: daysAgo(-30).toISOString() });
    const onHost = await insertException(d.pool, { vulnerabilityId: "CVE-2024-6119", resourceIds: [HOST], createdAt: daysAgo(1).toISOString(), expiresAt: daysAgo(-30).toISOString() });
    await insertException(d.pool, { vulnerabilityId: "CVE-2024-6119", resourceIds: ["i-0dddddddddddddddd"], createdAt: daysAgo(1).toISOString(), expiresAt: daysAgo(-30).toISOString() });
    const exceptions = await exceptionsFor(o.observation.findings, allScope);
    const decision = decide(policy, o.observation, exceptions, new Date());
    expect(decision.verdict).toBe("pass");
    expect(Object.fromEntries(decision.excepted.map((e) => [e.arn, e.exceptionId]))).toEqual({ [ghsa]: byCve, [secondary]: onHost });
  });
});
