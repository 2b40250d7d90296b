// The review's header actions and its status line: exports, print, freeze, and whether this is
// the frozen record of the meeting or a live computation.
import { formatInstant } from "@/lib/review/format";
import { reviewHref, type ReviewParams } from "@/lib/review/review-params";
import { FreezeButton } from "./freeze-button";
import { PrintButton } from "./print-button";

const link = "rounded border border-line bg-panel px-3 py-1.5 text-sm font-medium hover:border-accent";

export function ReviewActions({ params, canFreeze }: { params: Pick<ReviewParams, "date" | "group" | "value" | "weeks">; canFreeze: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2" data-no-print>
      <PrintButton />
      <a className={link} href={reviewHref(params, "/api/review/pdf")} download data-testid="download-pdf">PDF</a>
      <a className={link} href={reviewHref(params, "/api/review/csv")} download>CSV</a>
      <a className={link} href={reviewHref(params, "/api/review")} target="_blank" rel="noreferrer">JSON</a>
      {canFreeze && <FreezeButton meetingDate={params.date} />}
    </div>
  );
}

export function ReviewStatus({ frozenAt, asOf, groupLabel, isToday }: { frozenAt: string | null; asOf: string; groupLabel: string; isToday: boolean }) {
  if (frozenAt) {
    return (
      <div data-testid="frozen-label" className="mb-5 flex flex-wrap items-center gap-2 rounded-lg border border-[#5e9ccf] bg-[#eef5fb] px-4 py-2.5 text-sm">
        <span className="rounded bg-[#16213a] px-2 py-0.5 text-xs font-semibold uppercase tracking-wide text-white">Frozen</span>
        <span><strong>Frozen on {formatInstant(frozenAt)}</strong> — the record of this meeting, read-only, exactly as it was shown.</span>
      </div>
    );
  }
  return (
    <div data-testid="live-label" className="mb-5 flex flex-wrap items-center gap-2 rounded-lg border border-line bg-panel px-4 py-2.5 text-sm text-muted">
      <span className="rounded border border-line px-2 py-0.5 text-xs font-semibold uppercase tracking-wide">Live</span>
      <span>
        {groupLabel} · computed as of {formatInstant(asOf)}
        {isToday ? " from the latest sync; freeze it at the meeting to keep this record." : ", reconstructed from the cache (this meeting was not frozen)."}
      </span>
    </div>
  );
}
