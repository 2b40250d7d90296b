"use client";
// Picks the meeting: any past date (recomputed live) or one of the frozen meetings.
import { useRouter } from "next/navigation";
import { reviewHref, type ReviewParams } from "@/lib/review/review-params";

export function MeetingPicker({ params, today, frozen }: { params: Pick<ReviewParams, "date" | "group" | "value" | "weeks" | "inUse">; today: string; frozen: { meetingDate: string }[] }) {
  const router = useRouter();
  const go = (date: string) => date && router.push(reviewHref({ ...params, date }));
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <label className="flex items-center gap-2">
        <span className="font-medium">Meeting</span>
        <input type="date" max={today} value={params.date} onChange={(e) => go(e.target.value)} className="rounded border border-field bg-white px-2 py-1" aria-label="Meeting date" />
      </label>
      {frozen.length > 0 && (
        <select aria-label="Frozen meetings" value={frozen.some((f) => f.meetingDate === params.date) ? params.date : ""} onChange={(e) => go(e.target.value)} className="rounded border border-field bg-white px-2 py-1">
          <option value="">Frozen meetings…</option>
          {frozen.map((f) => (
            <option key={f.meetingDate} value={f.meetingDate}>{f.meetingDate} (frozen)</option>
          ))}
        </select>
      )}
      {params.date !== today && (
        <button type="button" onClick={() => go(today)} className="text-accent hover:underline">Today</button>
      )}
    </div>
  );
}
