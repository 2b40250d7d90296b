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

/**
 * Why a meeting's review may not be frozen now, or null when it may: a frozen review claims to be
 * what the meeting saw, so only today's meeting, or one that ended less than `graceHours` ago.
 */
export function freezeRefusal(meeting: Day, now: Date, graceHours: number): string | null {
  const today = toDay(now);
  if (meeting > today) return `meeting date ${meeting} is in the future (today is ${today} UTC)`;
  if (meeting === today) return null;
  const endedHoursAgo = (now.getTime() - dayEnd(meeting).getTime()) / 3_600_000;
  if (endedHoursAgo <= graceHours) return null;
  return `the review of ${meeting} can no longer be frozen: a frozen review records what the meeting saw, so only today's meeting (or one that ended less than ${graceHours} h ago) can be frozen; older meetings stay viewable as reconstructions from today's cache`;
}
