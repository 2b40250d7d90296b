// The contract of a rule evaluator: what one batch of finished sync runs changed for one rule, as
// candidates keyed by subject + transition (alert_sent keeps each pair once per rule).
import type { Actor } from "@/lib/auth/actor";
import type { Queryable } from "@/lib/auth/audit";
import type { DigestItem } from "../digest";
import type { DigestCount } from "../digest-count";
import type { StoredRule } from "../rule-config";

/** Finished runs (fromRunId, toRunId] and the findings the cache first inserted in (createdAfter, createdUpTo]. */
export interface Batch {
  fromRunId: number;
  toRunId: number;
  createdAfter: Date;
  createdUpTo: Date;
}

export interface EvalContext {
  tx: Queryable;
  batch: Batch;
  rule: StoredRule;
  /** The rule's scope resolved to accounts, within its maker's (rule-reach.ts). */
  accounts: string[] | "all";
  /** Who saved the rule, as they are now: a digest says no more than they may see. */
  maker: Actor;
  appUrl: string;
}

export interface Candidate {
  subject: string;
  transition: string;
  item: DigestItem;
}

export interface Evaluation {
  candidates: Candidate[];
  /** The heading over the fresh candidates: their distinct subjects, and their alerts when more (digest-count.ts). */
  heading: (count: DigestCount) => string;
  /** "findings": the subjects are findings, which the link opens exactly; the digest states their number. */
  subjects?: "findings";
  /** The explorer (or app page) showing every fresh candidate: `items`, which alert_sent holds
   *  under `runId` (finding rules link to exactly those, the explorer's alert filter). */
  link: (items: Candidate[], runId: number) => string;
  /** State rules: subjects alerted before that are no longer in the state may alert again. */
  recovered?: (alerted: string[]) => string[];
}

export type Evaluator = (c: EvalContext) => Promise<Evaluation>;
