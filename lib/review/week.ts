// Weekly buckets for the trends: ISO weeks, Monday 00:00 UTC to the next Monday (exclusive).
import { addDays, dayStart, toDay, type Day } from "./day";

export interface WeekBucket {
  /** Monday of the week, YYYY-MM-DD. */
  start: Day;
  /** Sunday of the week, YYYY-MM-DD (inclusive last day). */
  end: Day;
  /** Exclusive upper instant: next Monday 00:00 UTC. */
  endExclusive: Date;
  label: string;
}

export function weekStart(d: Date): Day {
  const midnight = dayStart(toDay(d));
  const isoDow = (midnight.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return toDay(addDays(midnight, -isoDow));
}

const monthDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** The `count` weeks ending with the week containing `asOf`, oldest first. */
export function weekBuckets(asOf: Date, count: number): WeekBucket[] {
  const last = dayStart(weekStart(asOf));
  const out: WeekBucket[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const start = addDays(last, -7 * i);
    const endExclusive = addDays(start, 7);
    out.push({ start: toDay(start), end: toDay(addDays(start, 6)), endExclusive, label: monthDay.format(start) });
  }
  return out;
}

/** Index of the bucket holding `d`, or -1 when it falls outside them. */
export function bucketIndex(buckets: WeekBucket[], d: Date): number {
  const t = d.getTime();
  return buckets.findIndex((b) => t >= dayStart(b.start).getTime() && t < b.endExclusive.getTime());
}
