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
import { recordDecision } from "./gate-record";

export type GateAnswer = { ok: true; body: Record<string, unknown> } | { ok: false; status: 400 | 404 | 409; issues: FieldIssue[] };

export async function evaluateGate(input: unknown, actor: Actor, now = new Date()): Promise<GateAnswer> {
  const t0 = performance.now();
  const parsed = gateRequestSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, issues: policyIssues(parsed.error) };
  const req = parsed.data;
  const stored = await policyInForce(req.policy ?? DEFAULT_POLICY_NAME);
  if (!stored) return { ok: false, status: 404, issues: [{ field: "policy", message: `no policy named "${req.policy}"` }] };
  let observation: Observation, resolved: unknown;
  if (req.observed) {
    observation = await observeFromCaller(req.observed, now);
  } else {
    const seen = await observeFromCache(actor.scope, req.artifact);
    if (!seen.ok) return { ok: false, status: 409, issues: [{ field: "artifact", message: seen.message }] };
    observation = seen.observation;
    resolved = seen.resolved;
  }
  const exceptions = await exceptionsFor(observation.findings);
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

async function observeFromCaller(o: NonNullable<GateRequest["observed"]>, now: Date): Promise<Observation> {
  const findings = o.findings.map(gateFindingFromInspector);
  const accountId = (o.coverage?.accountId as string | undefined) ?? findings[0]?.arn.split(":")[4] ?? null;
  const ou = accountId ? await db().pool.query<{ ou_name: string | null }>(`SELECT ou_name FROM accounts WHERE id = $1`, [accountId]) : { rows: [] };
  return { source: "inspector", asOf: now, scan: scanStateFromCoverage(o.coverage), findings, accountId, ouName: ou.rows[0]?.ou_name ?? null };
}
