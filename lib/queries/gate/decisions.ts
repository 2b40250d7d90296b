// "What was allowed to ship with which findings": recorded gate decisions, newest first.
// Decisions are organization-wide records (like frozen reviews): a decision names no account, yet its
// failing findings, packages and the risk exceptions that passed others (owner, reason, expiry) may
// belong to any account. Only a viewer who sees the whole organization lists them.
import { z } from "zod";
import { readDb } from "@/lib/db/client";
import { containsPattern } from "@/lib/queries/like-pattern";
import type { Decision, Verdict } from "@/lib/gate/types";
import { seesWholeOrg, type Scope } from "@/lib/queries/scope";

/** Why a viewer limited to some accounts sees no decisions (the page says it; an API would answer 403). */
export const DECISIONS_NEED_WHOLE_ORG =
  "Gate decisions are organization-wide records: listing them needs a whole-organization role (your access is limited to some accounts).";

export type DecisionList = { ok: true; rows: DecisionRow[] } | { ok: false; status: 403; reason: string };

export const decisionFilterSchema = z.object({
  verdict: z.enum(["pass", "fail", "undecidable"]).optional().catch(undefined),
  artifact: z.string().trim().max(300).optional().catch(undefined),
});
export type DecisionFilter = z.infer<typeof decisionFilterSchema>;

export interface DecisionRow {
  id: string;
  at: Date;
  artifactKind: string;
  artifactLabel: string;
  policyName: string;
  policyVersion: number;
  verdict: Verdict;
  source: string;
  findingsCount: number;
  result: Pick<Decision, "undecidable" | "failing" | "brokenRules" | "excepted" | "appliedOverrides" | "openFindings">;
  exceptionIds: string[];
  actorName: string;
  durationMs: number | null;
}

export async function listDecisions(scope: Scope, f: DecisionFilter = {}, limit = 100): Promise<DecisionList> {
  if (!seesWholeOrg(scope)) return { ok: false, status: 403, reason: DECISIONS_NEED_WHOLE_ORG };
  // A pure read of the record: the replica (lib/queries/sql.ts); recording stays on the primary.
  const { rows } = await readDb().pool.query(
    `SELECT id::text, at, artifact_kind, artifact_label, policy_name, policy_version, verdict, source, findings_count, result, exception_ids::text[] AS exception_ids, actor_name, duration_ms
     FROM gate_decisions WHERE ($1::text IS NULL OR verdict = $1) AND ($2::text IS NULL OR artifact_label ILIKE $4)
     ORDER BY at DESC, id DESC LIMIT $3`,
    [f.verdict ?? null, f.artifact ?? null, limit, containsPattern(f.artifact ?? "")],
  );
  return { ok: true, rows: rows.map((r) => ({
    id: r.id, at: r.at, artifactKind: r.artifact_kind, artifactLabel: r.artifact_label, policyName: r.policy_name, policyVersion: r.policy_version,
    verdict: r.verdict, source: r.source, findingsCount: r.findings_count, result: r.result, exceptionIds: r.exception_ids, actorName: r.actor_name,
    durationMs: r.duration_ms,
  })) };
}
