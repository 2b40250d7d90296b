// What an alert rule is: a kind, a scope (the same rule shapes as access mappings), a minimum
// severity, its channels, and per-kind parameters. Zod at the boundary.
import { z } from "zod";
import type { CreatorRef } from "@/lib/auth/creator-actor";
import { scopeRuleSchema } from "@/lib/auth/group-map";
import { severityOrder } from "@/lib/domain/severity";

export const ruleKinds = ["NEW_FINDINGS", "EXPLOITABLE", "SLA_DUE", "SLA_BREACHED", "COVERAGE_LOST", "SYNC_FAILING"] as const;
export type RuleKind = (typeof ruleKinds)[number];
export const ruleKindLabel: Record<RuleKind, string> = {
  NEW_FINDINGS: "New or reopened findings",
  EXPLOITABLE: "Became exploitable",
  SLA_DUE: "SLA due within N days",
  SLA_BREACHED: "SLA breached",
  COVERAGE_LOST: "Coverage lost (account or scan type went dark)",
  SYNC_FAILING: "Sync failing for N runs",
};

export const ruleParamsSchema = z.object({
  /** SLA_DUE: due within this many days. */
  days: z.coerce.number().int().min(1).max(365).default(7),
  /** SYNC_FAILING: this many failed runs in a row. */
  runs: z.coerce.number().int().min(1).max(100).default(3),
  /** Items a digest lists (the total is given beside them). */
  topN: z.coerce.number().int().min(1).max(40).default(10),
});
export type RuleParams = z.infer<typeof ruleParamsSchema>;

export const ruleInputSchema = z.object({
  name: z.string().trim().min(1, "the name is empty").max(100),
  kind: z.enum(ruleKinds, { error: "choose a rule kind" }),
  minSeverity: z.enum(severityOrder.slice(0, 4) as ["CRITICAL", "HIGH", "MEDIUM", "LOW"], { error: "choose a minimum severity" }).default("HIGH"),
  scope: scopeRuleSchema,
  params: ruleParamsSchema.default({ days: 7, runs: 3, topN: 10 }),
  channelIds: z.array(z.coerce.number().int().positive()).min(1, "choose at least one channel").max(20),
});
export type RuleInput = z.infer<typeof ruleInputSchema>;

export interface StoredRule {
  id: number;
  name: string;
  /** Paused rules are kept (with their dedup memory) but plan no deliveries. */
  enabled?: boolean;
  kind: RuleKind;
  minSeverity: string;
  scope: z.output<typeof scopeRuleSchema>;
  params: RuleParams;
  channelIds: number[];
  sinceRunId: number;
  /** Who saved it: the rule counts only accounts they still reach with "alerts" (rule-reach.ts); null: unknown. */
  createdBy: CreatorRef | null;
}

/** Severities at or above the rule's minimum, for `severity = ANY(...)`. */
export function severitiesFrom(min: string): string[] {
  const i = severityOrder.indexOf(min as (typeof severityOrder)[number]);
  return severityOrder.slice(0, i < 0 ? 2 : i + 1) as unknown as string[];
}
