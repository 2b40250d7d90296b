// SLA policy: days to remediate per severity, counted from Inspector's first observation (a
// reopened finding keeps its original clock). Due instants are exact UTC milliseconds, so
// time zones and daylight saving never move a due date.
import type { Severity } from "@/lib/domain/severity";
import { addDays, type Day, toDay } from "./day";

export type SlaPolicy = Record<Severity, number | null>;
export type SlaState = "breached" | "due-soon" | "within" | "no-sla";

/** Findings due within this many days of the meeting are "about to breach": before the next one. */
export const DUE_SOON_DAYS = 7;

export function slaDueAt(firstObservedAt: Date, severity: Severity, policy: SlaPolicy): Date | null {
  const days = policy[severity];
  return days == null ? null : addDays(firstObservedAt, days);
}

/** The UTC calendar day the SLA runs out on. */
export function slaDueDay(firstObservedAt: Date, severity: Severity, policy: SlaPolicy): Day | null {
  const due = slaDueAt(firstObservedAt, severity, policy);
  return due ? toDay(due) : null;
}

/** Breached once `asOf` is past the due instant; due soon when it falls within `dueSoonDays`. */
export function slaState(
  f: { firstObservedAt: Date; severity: Severity },
  asOf: Date,
  policy: SlaPolicy,
  dueSoonDays = DUE_SOON_DAYS,
): SlaState {
  const due = slaDueAt(f.firstObservedAt, f.severity, policy);
  if (!due) return "no-sla";
  if (asOf.getTime() > due.getTime()) return "breached";
  if (addDays(asOf, dueSoonDays).getTime() > due.getTime()) return "due-soon";
  return "within";
}

/** Whole days past due (0 when not yet due), for "breached by N days". */
export function daysOverdue(firstObservedAt: Date, severity: Severity, policy: SlaPolicy, asOf: Date): number {
  const due = slaDueAt(firstObservedAt, severity, policy);
  if (!due || asOf <= due) return 0;
  return Math.floor((asOf.getTime() - due.getTime()) / 86_400_000);
}
