// Number, date and age formatting shared by every view (UTC everywhere: the review meets across zones).
const nf = new Intl.NumberFormat("en-US");

export const formatCount = (n: number) => nf.format(n);

export function formatScore(n: number | null | undefined, digits = 1): string {
  return n === null || n === undefined ? "—" : n.toFixed(digits);
}

export function formatEpss(n: number | null | undefined): string {
  if (n === null || n === undefined) return "—";
  return n >= 0.1 ? `${(n * 100).toFixed(0)}%` : n >= 0.001 ? `${(n * 100).toFixed(1)}%` : "<0.1%";
}

export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return new Date(d).toISOString().slice(0, 10);
}

export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return `${new Date(d).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** "12-05 23:39": month, day and UTC time, for narrow columns (the title gives formatDateTime). */
export function formatShortDateTime(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return formatDateTime(d).slice(5, 16);
}

/** "3 d", "5 h", "12 min": coarse age for tables. */
export function formatAge(d: Date | string | null | undefined, now = Date.now()): string {
  if (!d) return "—";
  const minutes = Math.max(0, Math.round((now - new Date(d).getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} d`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`;
}

export const accountLabel = (id: string, name: string | null | undefined) => (name ? `${name} (${id})` : id);
