// What a digest counts, in its link's terms: the distinct subjects its alerts are about (for a finding
// rule, the findings alert=<rule>:<run> opens) and the alerts themselves (one finding may alert twice in
// a batch: it became exploitable and entered KEV). Headings state the first, the second too when it differs.
export interface DigestCount {
  subjects: number;
  alerts: number;
}

export function digestCount(fresh: readonly { subject: string }[]): DigestCount {
  return { subjects: new Set(fresh.map((c) => c.subject)).size, alerts: fresh.length };
}

/** "4 alerts" when some subject alerted more than once, else null. */
export function alertsNote(n: DigestCount): string | null {
  return n.alerts === n.subjects ? null : `${n.alerts} ${n.alerts === 1 ? "alert" : "alerts"}`;
}

/** "3 findings", or "3 findings (4 alerts)". */
export function countText(n: DigestCount, one: string, many: string): string {
  const note = alertsNote(n);
  return `${n.subjects} ${n.subjects === 1 ? one : many}${note ? ` (${note})` : ""}`;
}
