// Every gate decision is kept: what was asked, under which policy version, the verdict, the
// findings that failed it and the exceptions that passed others, and who asked.
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/actor";
import type { Artifact } from "@/lib/gate/artifact";
import type { Decision } from "@/lib/gate/types";

export interface DecisionRecord {
  artifact: Artifact & { resolved?: unknown };
  label: string;
  policy: { name: string; version: number };
  source: "cache" | "inspector";
  decision: Decision;
  findingsCount: number;
  actor: Pick<Actor, "kind" | "id" | "name">;
  durationMs: number;
  at: Date;
}

export async function recordDecision(r: DecisionRecord): Promise<string> {
  const d = r.decision;
  const result = { undecidable: d.undecidable, failing: d.failing, brokenRules: d.brokenRules, excepted: d.excepted, appliedOverrides: d.appliedOverrides, openFindings: d.openFindings };
  const { rows } = await db().pool.query<{ id: string }>(
    `INSERT INTO gate_decisions (at, artifact_kind, artifact_label, artifact, policy_name, policy_version, verdict, source, findings_count, result,
       exception_ids, actor_kind, actor_id, actor_name, duration_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::uuid[], $12, $13, $14, $15) RETURNING id::text`,
    [r.at, r.artifact.kind, r.label, JSON.stringify(r.artifact), r.policy.name, r.policy.version, d.verdict, r.source, r.findingsCount,
      JSON.stringify(result), [...new Set(d.excepted.map((e) => e.exceptionId))], r.actor.kind, r.actor.id, r.actor.name, r.durationMs],
  );
  return rows[0].id;
}
