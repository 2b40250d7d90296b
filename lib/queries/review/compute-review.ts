// Assembles the weekly review for a meeting date. The page's sections call the parts through
// reviewContext(); exports and freezing call computeReview() for the whole payload.
import { slaDays } from "@/lib/env";
import type { Day } from "@/lib/review/day";
import { meetingAsOf, sinceWindow } from "@/lib/review/meeting";
import type { SlaPolicy } from "@/lib/review/sla";
import { seesWholeOrg, type Scope } from "@/lib/queries/scope";
import { reviewHeadline } from "@/lib/review/export/review-headline";
import { previousFrozenReview } from "./frozen-reviews";
import { groupScope, resolveGroup, reviewAccounts, type ReviewAccount } from "./review-accounts";
import { riskExceptions } from "./risk-exceptions";
import { sinceLastReview } from "./since-last-review";
import { slaBreaches } from "./sla-breaches";
import { withAccountCosts } from "./review-cost";
import { reviewTrends } from "./trends";
import type { GroupKind, ReviewGroup, ReviewMeta, ReviewPayload } from "./review-types";
import type { ReviewInUse } from "@/lib/review/review-params";

export interface ReviewRequest {
  meetingDate: Day;
  group?: { kind: GroupKind; value?: string };
  weeks?: number;
  /** The "In use only" switch; default "only" (issue 15). */
  inUse?: ReviewInUse;
  /** Overrides for tests and the integration run against the emulator's clock. */
  now?: Date;
  asOf?: Date;
  policy?: SlaPolicy;
}

export interface ReviewContext {
  meta: ReviewMeta;
  scope: Scope;
  accounts: ReviewAccount[];
  group: ReviewGroup;
  asOf: Date;
  window: { from: Date; to: Date };
  previousDark: string[] | null;
  policy: SlaPolicy;
  weeks: number;
  inUse: ReviewInUse;
}

export async function reviewContext(scope: Scope, req: ReviewRequest): Promise<ReviewContext> {
  const now = req.now ?? new Date();
  const asOf = req.asOf ?? meetingAsOf(req.meetingDate, now);
  const [accounts, previous] = await Promise.all([reviewAccounts(scope), previousFrozenReview(scope, req.meetingDate)]);
  const group = resolveGroup(accounts, req.group?.kind ?? "org", req.group?.value, seesWholeOrg(scope));
  const window = sinceWindow(asOf, previous?.asOf ?? null);
  const inUse = req.inUse ?? "only";
  const meta: ReviewMeta = {
    meetingDate: req.meetingDate,
    asOf: asOf.toISOString(),
    previous: previous ? { meetingDate: previous.meetingDate, asOf: previous.asOf.toISOString() } : null,
    group,
    generatedAt: now.toISOString(),
    inUse,
  };
  return {
    meta, accounts, group, asOf, window,
    scope: groupScope(scope, group),
    previousDark: previous?.darkNow ?? null,
    policy: req.policy ?? slaDays(),
    weeks: req.weeks ?? 12,
    inUse,
  };
}

export const reviewSections = {
  trends: (c: ReviewContext) => reviewTrends(c.scope, c.asOf, c.weeks, c.inUse),
  sla: async (c: ReviewContext) => withAccountCosts(c.scope, await slaBreaches(c.scope, c.asOf, c.policy, c.accounts, undefined, undefined, c.inUse)),
  since: (c: ReviewContext) => sinceLastReview(c.scope, c.window, c.accounts, c.previousDark, c.inUse),
  exceptions: (c: ReviewContext) => riskExceptions(c.scope, c.asOf),
};

export async function computeReview(scope: Scope, req: ReviewRequest): Promise<ReviewPayload> {
  const c = await reviewContext(scope, req);
  // One at a time: the embedded database is a single session anyway, and it keeps CPU modest.
  const trends = await reviewSections.trends(c);
  const sla = await reviewSections.sla(c);
  const since = await reviewSections.since(c);
  const exceptions = await reviewSections.exceptions(c);
  const payload: ReviewPayload = { version: 2, meta: c.meta, trends, sla, since, exceptions };
  // The headline and its link targets are part of the record, not recomputed when reopened.
  return { ...payload, headline: reviewHeadline(payload) };
}
