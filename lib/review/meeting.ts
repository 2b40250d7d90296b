// A meeting date and the instants it stands for. Today's review is live (as of now); a past
// meeting that was never frozen is recomputed as of the end of that UTC day.
import { addDays, dayEnd, toDay, type Day } from "./day";

export class MeetingDateError extends Error {}

export function meetingAsOf(meeting: Day, now: Date): Date {
  const today = toDay(now);
  if (meeting > today) throw new MeetingDateError(`meeting date ${meeting} is in the future (today is ${today} UTC)`);
  return meeting === today ? now : dayEnd(meeting);
}

/**
 * "Since the last review": from the previous meeting's as-of instant (a frozen review's, when
 * one exists) to this meeting's; a week back when there was no previous review.
 */
export function sinceWindow(asOf: Date, previousAsOf: Date | null): { from: Date; to: Date } {
  const from = previousAsOf && previousAsOf < asOf ? previousAsOf : addDays(asOf, -7);
  return { from, to: asOf };
}
