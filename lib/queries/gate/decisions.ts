// "What was allowed to ship with which findings": recorded gate decisions, newest first.
import { z } from "zod";
import { readDb } from "@/lib/db/client";
import { containsPattern } from "@/lib/queries/like-pattern";
import type { Decision, Verdict } from "@/lib/gate/types";

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

export async function listDecisions(f: DecisionFilter = {}, limit = 100): Promise<DecisionRow[]> {
  // A pure read of the record: the replica (lib/queries/sql.ts); recording stays on the primary.
  const { rows } = await readDb().pool.query(
    `SELECT id::text, at, artifact_kind, artifact_label, policy_name, policy_version, verdict, source, findings_count, result, exception_ids::text[] AS exception_ids, actor_name, duration_ms
     FROM gate_decisions WHERE ($1::text IS NULL OR verdict = $1) AND ($2::text IS NULL OR artifact_label ILIKE $4)
     ORDER BY at DESC, id DESC LIMIT $3`,
    [f.verdict ?? null, f.artifact ?? null, limit, containsPattern(f.artifact ?? "")],
  );
  return rows.map((r) => ({
    id: r.id, at: r.at, artifactKind: r.artifact_kind, artifactLabel: r.artifact_label, policyName: r.policy_name, policyVersion: r.policy_version,
    verdict: r.verdict, source: r.source, findingsCount: r.findings_count, result: r.result, exceptionIds: r.exception_ids, actorName: r.actor_name,
    durationMs: r.duration_ms,
  }));
}
