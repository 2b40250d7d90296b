// "KEV": the vulnerability is in CISA's Known Exploited Vulnerabilities catalog. Shown only for a
// known yes; "not in KEV" and "unknown" (details never fetched) show no badge.
export function KevBadge({ due, compact = false }: { due?: string | null; compact?: boolean }) {
  const title = `In CISA's Known Exploited Vulnerabilities catalog${due ? `; CISA due date ${due.slice(0, 10)}` : ""}`;
  return (
    <span title={title} data-kev="yes" className={`tag bg-fuchsia-800 ${compact ? "text-[10px]" : "text-[11px]"}`}>
      KEV
    </span>
  );
}
