// Snapshot days are UTC calendar days.
export const DAY_MS = 86_400_000;

export function utcDayStart(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

/** "2026-11-20": the value for a DATE column, independent of the session time zone. */
export const isoDay = (d: Date) => utcDayStart(d).toISOString().slice(0, 10);
