// The six "since the last review" groups in meeting order, with their labels.
import type { ChangeGroup, SinceLastReview } from "@/lib/queries/review/review-types";

export function sinceGroups(s: SinceLastReview): { key: string; label: string; group: ChangeGroup; extra?: string }[] {
  return [
    { key: "newCriticalHigh", label: "New critical and high", group: s.newCriticalHigh, extra: `${s.newCriticalHigh.critical} critical, ${s.newCriticalHigh.high} high` },
    { key: "fixed", label: "Fixed", group: s.fixed },
    { key: "reopened", label: "Reopened", group: s.reopened },
    { key: "becameExploitable", label: "Became exploitable", group: s.becameExploitable },
    { key: "lostCoverage", label: "Resources that lost scan coverage", group: s.lostCoverage },
    { key: "wentDark", label: "Accounts that went dark", group: s.wentDark },
  ];
}
