// Where each review chart and table drills down to in the findings explorer. Pure, so the
// client-side chart cards and the server tables build the same links.
import { lifecycleStatuses } from "@/lib/domain/lifecycle";
import type { Severity } from "@/lib/domain/severity";
import type { ClosureKind } from "@/lib/domain/closure";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import type { FindingsFilterInput } from "@/lib/queries/findings/findings-filter";
import { inUseParam, type InUseMode } from "@/lib/domain/in-use";

export interface LinkGroup {
  kind: "org" | "ou" | "owner" | "account";
  value?: string;
  accountIds: string[];
  /** The review's "In use only" choice, carried into every explorer link (default "only" left out). */
  inUse?: InUseMode;
}

const allStatuses = [...lifecycleStatuses];

/** The explorer filter for a review group. An owner goes by name: the explorer's owner filter
 *  resolves owners as the review does (lib/queries/owner-sql.ts), where a list of its account ids
 *  was cut at 100 to keep the URL short (an owner of 200 accounts drilled into half of them). */
export function groupFilter(g: LinkGroup): FindingsFilterInput {
  const inUse = inUseParam(g.inUse);
  if (g.kind === "ou" && g.value) return { ou: [g.value], inUse };
  if (g.kind === "owner" && g.value) return { owner: [g.value], inUse };
  if (g.kind === "account" && g.value) return { account: [g.value], inUse };
  if (g.kind === "org") return { inUse };
  return { account: g.accountIds.slice(0, 100), inUse };
}

/** Findings of a severity first seen by the end of that week and still open. */
export function openWeekHref(g: LinkGroup, weekEnd: string, severity?: Severity): string {
  return findingsHref({ ...groupFilter(g), severity: severity ? [severity] : undefined, firstSeenTo: weekEnd });
}

export function newInWeekHref(g: LinkGroup, week: string, weekEnd: string): string {
  return findingsHref({ ...groupFilter(g), status: allStatuses, firstSeenFrom: week, firstSeenTo: weekEnd });
}

export function closedInWeekHref(g: LinkGroup, week: string, weekEnd: string, severity?: Severity, closure?: ClosureKind): string {
  return findingsHref({ ...groupFilter(g), status: ["CLOSED"], severity: severity ? [severity] : undefined, closedFrom: week, closedTo: weekEnd, closure });
}

export function accountHref(accountId: string, extra: FindingsFilterInput = {}): string {
  return findingsHref({ ...extra, account: [accountId] });
}

/** An owner's findings within the review's group (an OU's accounts of that owner, say). */
export function ownerHref(owner: string, group: LinkGroup): string {
  return findingsHref({ ...groupFilter(group), owner: [owner] });
}
