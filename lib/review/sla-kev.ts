// KEV's due date as an optional SLA clock (INSPECTORATE_SLA_KEV_DUE_DATE=1): a finding whose
// vulnerability is in CISA KEV is due by the earlier of its severity SLA and KEV's due date.
import type { Severity } from "@/lib/domain/severity";
import { slaDueAt, type SlaPolicy } from "./sla";

export interface EffectiveDue {
  dueAt: Date | null;
  /** Which clock decided: the severity policy or KEV's due date; null when neither applies. */
  source: "severity" | "kev" | null;
}

export function effectiveDueAt(
  f: { firstObservedAt: Date; severity: Severity; kevDateDue: Date | null },
  policy: SlaPolicy,
  useKevDue: boolean,
): EffectiveDue {
  const sla = slaDueAt(f.firstObservedAt, f.severity, policy);
  const kev = useKevDue ? f.kevDateDue : null;
  if (kev && (!sla || kev.getTime() < sla.getTime())) return { dueAt: kev, source: "kev" };
  return sla ? { dueAt: sla, source: "severity" } : { dueAt: null, source: null };
}

/** Whole days from `from` until `d` (negative: past due). */
export function daysUntil(d: Date, from = Date.now()): number {
  return Math.round((d.getTime() - from) / 86_400_000);
}
