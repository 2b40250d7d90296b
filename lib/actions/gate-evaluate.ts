// POST /api/gate's verb: validate, pick the policy in force, observe the artifact (the cache, or
// what the caller read from Inspector itself), decide with the pure function, record, answer.
import { performance } from "node:perf_hooks";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import { artifactLabel } from "@/lib/gate/artifact";
import { decide } from "@/lib/gate/decide";
import { DEFAULT_POLICY_NAME } from "@/lib/gate/default-policy";
import { gateFindingFromInspector, scanStateFromCoverage } from "@/lib/gate/from-inspector";
import { policyIssues, type FieldIssue } from "@/lib/gate/policy-schema";
import { gateRequestSchema, type GateRequest } from "@/lib/gate/request-schema";
import type { Observation } from "@/lib/gate/types";
import { observeFromCache } from "@/lib/queries/gate/artifact-observation";
import { exceptionsFor } from "@/lib/queries/gate/gate-exceptions";
import { policyInForce } from "@/lib/queries/gate/policies";
import { inScope, seesWholeOrg, type Scope } from "@/lib/queries/scope";
import { recordDecision } from "./gate-record";
import { ACCOUNT_ID_PATTERN, accountIdMessage } from "@/lib/domain/account-id";

export type GateAnswer = { ok: true; body: Record<string, unknown> } | { ok: false; status: 400 | 403 | 404 | 409; issues: FieldIssue[] };

export async function evaluateGate(input: unknown, actor: Actor, now = new Date()): Promise<GateAnswer> {
  const t0 = performance.now();
  const parsed = gateRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, issues: policyIssues(parsed.error) };
  const req = parsed.data;
  if (req.observed) {
    const refused = observedOutsideScope(req, actor.scope);
    if (refused) return { ok: false, status: refused.status, issues: [refused.issue] };
  }
  // The policy and the artifact are read side by side: round trips, not queries, dominate the time.
  const [stored, seen] = await Promise.all([
    policyInForce(req.policy ?? DEFAULT_POLICY_NAME),
    req.observed ? observeFromCaller(req.observed, now).then((observation) => ({ ok: true as const, observation, resolved: undefined })) : observeFromCache(actor.scope, req.artifact),
  ]);
  if (!stored) return { ok: false, status: 404, issues: [{ field: "policy", message: `no policy named "${req.policy}"` }] };
  if (!seen.ok) return { ok: false, status: 409, issues: [{ field: "artifact", message: seen.message }] };
  const observation: Observation = seen.observation;
  const resolved: unknown = seen.resolved;
  const exceptions = await exceptionsFor(observation.findings, actor.scope);
  const decision = decide(stored.policy, observation, exceptions, now);
  const label = artifactLabel(req.artifact);
  const durationMs = Math.round((performance.now() - t0) * 100) / 100;
  const id = await recordDecision({
    artifact: { ...req.artifact, ...(resolved ? { resolved } : {}) }, label, policy: { name: stored.name, version: stored.version },
    source: observation.source, decision, findingsCount: observation.findings.length, actor, durationMs, at: now,
  });
  return {
    ok: true,
    body: { decisionId: id, artifact: label, resolved: resolved ?? null, policy: { name: stored.name, version: stored.version },
      source: observation.source, ...decision, serverMs: durationMs },
  };
}

/** The account field of an ARN (arn:partition:service:region:account:…), if it is one. */
const arnAccount = (arn: string): string | null => {
  const part = arn.split(":")[4];
  return arn.startsWith("arn:") && part && ACCOUNT_ID_PATTERN.test(part) ? part : null;
};
type Refused = { status: 400 | 403; issue: FieldIssue };
const outside = (field: string, account: string): Refused => ({ status: 403, issue: { field,
  message: `account ${account} is outside your scope: only a caller who sees the whole organization may send another account's data` } });
const record = (v: unknown): Record<string, unknown> => (v && typeof v === "object" ? (v as Record<string, unknown>) : {});

/**
 * A caller limited to some accounts may bring live data only about those accounts: every finding
 * must name its account in its ARN, and no account it (its awsAccountId, a resource ARN) or the
 * coverage names may lie outside the scope. Otherwise made-up findings would match, and reveal,
 * other accounts' risk exceptions, and record a decision about their artifacts.
 */
export function observedOutsideScope(req: GateRequest, scope: Scope): Refused | null {
  if (seesWholeOrg(scope) || !req.observed) return null;
  const claim = (field: string, v: unknown): Refused | null => {
    if (v === undefined || v === null) return null;
    if (typeof v !== "string" || !ACCOUNT_ID_PATTERN.test(v)) return { status: 400, issue: { field, message: accountIdMessage(v) } };
    return inScope(scope, v) ? null : outside(field, v);
  };
  const named = claim("artifact.accountId", req.artifact.accountId) ?? claim("observed.coverage.accountId", req.observed.coverage?.accountId);
  if (named) return named;
  for (const [i, raw] of req.observed.findings.entries()) {
    const f = record(raw);
    const field = `observed.findings[${i}]`;
    const account = typeof f.findingArn === "string" ? arnAccount(f.findingArn) : null;
    if (!account) return { status: 400, issue: { field: `${field}.findingArn`, message: "expected a finding ARN naming its account (arn:aws:inspector2:<region>:<account>:finding/…)" } };
    if (!inScope(scope, account)) return outside(`${field}.findingArn`, account);
    const own = claim(`${field}.awsAccountId`, f.awsAccountId);
    if (own) return own;
    for (const [j, r] of (Array.isArray(f.resources) ? f.resources : []).entries()) {
      const id = record(r).id;
      const resourceAccount = typeof id === "string" ? arnAccount(id) : null;
      if (resourceAccount && !inScope(scope, resourceAccount)) return outside(`${field}.resources[${j}].id`, resourceAccount);
    }
  }
  return null;
}

async function observeFromCaller(o: NonNullable<GateRequest["observed"]>, now: Date): Promise<Observation> {
  const findings = o.findings.map(gateFindingFromInspector);
  const accountId = (o.coverage?.accountId as string | undefined) ?? (findings[0] ? arnAccount(findings[0].arn) : null);
  const ou = accountId ? await db().pool.query<{ ou_name: string | null }>(`SELECT ou_name FROM accounts WHERE id = $1`, [accountId]) : { rows: [] };
  return { source: "inspector", asOf: now, scan: scanStateFromCoverage(o.coverage), findings, accountId, ouName: ou.rows[0]?.ou_name ?? null };
}
