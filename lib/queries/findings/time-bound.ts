// An explorer date bound is a day (what a person types) or an instant (what a link from the weekly
// review carries, so the list it opens is the set the review counted). Pure: the filter bar and
// the chips read it in the browser.
//   from=<day>      on or after that UTC day's start      from=<instant>  strictly after it
//   to=<day>        up to that UTC day's end (exclusive)  to=<instant>    up to and including it
// So from=A&to=B with instants is the review's window (A, B], and days keep whole UTC days.
import { z } from "zod";
import { DAY_YEARS, isDay } from "@/lib/review/day";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

/** A day, or an instant with its offset (2026-11-19T14:00:00.000Z), in the years a review day may
 *  name (lib/review/day.ts): year 0000 went to the database as a date before Christ. */
export const timeBoundSchema = z
  .string()
  .refine((v) => DAY.test(v) || INSTANT.test(v), "expected a date as YYYY-MM-DD or an instant such as 2026-11-19T14:00:00Z")
  .refine((v) => isDay(v.slice(0, 10)) && !Number.isNaN(Date.parse(v)), `not a calendar date from ${DAY_YEARS.first} to ${DAY_YEARS.last}`);

export const isInstant = (bound: string) => !DAY.test(bound);

/** Where a bound puts the edge of its range; `inclusive` says whether the edge itself is in it. */
export function lowerEdge(bound: string): { at: Date; inclusive: boolean } {
  return isInstant(bound) ? { at: new Date(bound), inclusive: false } : { at: new Date(`${bound}T00:00:00Z`), inclusive: true };
}

export function upperEdge(bound: string): { at: Date; inclusive: boolean } {
  return isInstant(bound) ? { at: new Date(bound), inclusive: true } : { at: new Date(Date.parse(`${bound}T00:00:00Z`) + DAY_MS), inclusive: false };
}

/** True when no moment satisfies both bounds. */
export function emptyRange(from: string, to: string): boolean {
  const lo = lowerEdge(from), hi = upperEdge(to);
  return lo.at.getTime() > hi.at.getTime() || (lo.at.getTime() === hi.at.getTime() && !(lo.inclusive && hi.inclusive));
}

/** An instant as people read it in a chip: "19 Nov 2026 14:00 UTC" (seconds when not whole). */
export function instantLabel(bound: string): string {
  const d = new Date(bound);
  const month = d.toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
  const pad = (n: number) => String(n).padStart(2, "0");
  const secs = d.getUTCSeconds() || d.getUTCMilliseconds() ? `:${pad(d.getUTCSeconds())}` : "";
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}${secs} UTC`;
}
