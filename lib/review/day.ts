// UTC calendar days. The review works only in UTC so a meeting date means the same instants on
// every server and browser, whatever the local time zone or daylight saving.
const DAY_MS = 86_400_000;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export type Day = string; // YYYY-MM-DD, a UTC calendar day

/** The years a day may name. JavaScript's dates take year 0000 (1 BC), which PostgreSQL has not: a
 *  review or audit search for it failed in the database (500) instead of being refused as input. */
export const DAY_YEARS = { first: 1970, last: 9999 } as const;
export const DAY_EXPECTED = `expected a date as YYYY-MM-DD, from ${DAY_YEARS.first} to ${DAY_YEARS.last}`;

export function isDay(s: string): boolean {
  if (!DAY_RE.test(s)) return false;
  const year = Number(s.slice(0, 4));
  if (year < DAY_YEARS.first || year > DAY_YEARS.last) return false;
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** 00:00:00.000 UTC of the day. */
export function dayStart(day: Day): Date {
  if (!isDay(day)) throw new RangeError(`not a calendar day: ${day}`);
  return new Date(`${day}T00:00:00.000Z`);
}

/** The last millisecond of the day, UTC. */
export function dayEnd(day: Day): Date {
  return new Date(dayStart(day).getTime() + DAY_MS - 1);
}

export function toDay(d: Date): Day {
  return d.toISOString().slice(0, 10);
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY_MS);
}

export function addDaysToDay(day: Day, days: number): Day {
  return toDay(addDays(dayStart(day), days));
}

export function startOfUtcDay(d: Date): Date {
  return dayStart(toDay(d));
}

/** Whole and fractional days between two instants. */
export function daysBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / DAY_MS;
}

export { DAY_MS };
