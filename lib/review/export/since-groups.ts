// The "since the last review" groups in meeting order, with their labels.
import type { ChangeGroup, SinceLastReview } from "@/lib/queries/review/review-types";

/** Why the changes are unknown: no sync observed Inspector between the meetings (null: they are known). */
export function sinceUnobserved(s: Pick<SinceLastReview, "lastSyncInWindow">): string | null {
  return s.lastSyncInWindow === null ? "no sync finished between the meetings" : null;
}

/** Each group with its count, or null (shown "—") when no sync observed the window. */
export function sinceGroups(s: SinceLastReview): { key: string; label: string; group: ChangeGroup; count: number | null; extra?: string }[] {
  const known = sinceUnobserved(s) === null;
  return [
    { key: "newCriticalHigh", label: "New critical and high", group: s.newCriticalHigh, extra: `${s.newCriticalHigh.critical} critical, ${s.newCriticalHigh.high} high` },
    { key: "fixed", label: "Fixed (remediated)", group: s.fixed },
    // Older frozen reviews have no removed group: their "Fixed" counted every closure.
    ...(s.removed ? [{ key: "removed", label: "Closed as the resource went away or stopped being scanned", group: s.removed }] : []),
    { key: "reopened", label: "Reopened", group: s.reopened },
    { key: "becameExploitable", label: "Became exploitable", group: s.becameExploitable },
    { key: "lostCoverage", label: "Resources that lost scan coverage", group: s.lostCoverage },
    { key: "wentDark", label: "Accounts that went dark", group: s.wentDark },
  ].map((g) => ({ ...g, count: known ? g.group.count : null }));
}
