// Rule kind → evaluator.
import type { RuleKind } from "../rule-config";
import { coverageLost } from "./coverage-lost";
import { exploitable } from "./exploitable";
import { newFindings } from "./new-findings";
import { slaEvaluator } from "./sla";
import { syncFailing } from "./sync-failing";
import type { Evaluator } from "./types";

export const evaluators: Record<RuleKind, Evaluator> = {
  NEW_FINDINGS: newFindings,
  EXPLOITABLE: exploitable,
  SLA_DUE: slaEvaluator(false),
  SLA_BREACHED: slaEvaluator(true),
  COVERAGE_LOST: coverageLost,
  SYNC_FAILING: syncFailing,
};
