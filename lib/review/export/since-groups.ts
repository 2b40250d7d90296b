// The "since the last review" groups in meeting order, with their labels.
import type { ChangeGroup, SinceLastReview } from "@/lib/queries/review/review-types";

export function sinceGroups(s: SinceLastReview): { key: string; label: string; group: ChangeGroup; extra?: string }[] {
  return [
    { key: "newCriticalHigh", label: "New critical and high", group: s.newCriticalHigh, extra: `${s.newCriticalHigh.critical} critical, ${s.newCriticalHigh.high} high` },
    { key: "fixed", label: "Fixed (remediated)", group: s.fixed },
    // Older frozen reviews have no removed group: their "Fixed" counted every closure.
    ...(s.removed ? [{ key: "removed", label: "Closed as the resource went away or stopped being scanned", group: s.removed }] : []),
    { key: "reopened", label: "Reopened", group: s.reopened },
    { key: "becameExploitable", label: "Became exploitable", group: s.becameExploitable },
    { key: "lostCoverage", label: "Resources that lost scan coverage", group: s.lostCoverage },
    { key: "wentDark", label: "Accounts that went dark", group: s.wentDark },
  ];
}
