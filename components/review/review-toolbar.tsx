// The review's header actions: exports, print and freeze (the status line is review-status.tsx).
import { reviewHref, type ReviewParams } from "@/lib/review/review-params";
import { FreezeButton } from "./freeze-button";
import { PrintButton } from "./print-button";

const link = "rounded border border-line bg-panel px-3 py-1.5 text-sm font-medium hover:border-accent";

export function ReviewActions({ params, canFreeze }: { params: Pick<ReviewParams, "date" | "group" | "value" | "weeks" | "inUse">; canFreeze: boolean }) {
  return (
    <div className="flex flex-wrap items-center gap-2" data-no-print>
      <PrintButton />
      <a className={link} href={reviewHref(params, "/api/review/pdf")} download data-testid="download-pdf">PDF</a>
      <a className={link} href={reviewHref(params, "/api/review/csv")} download>CSV</a>
      <a className={link} href={reviewHref(params, "/api/review")} target="_blank" rel="noreferrer">JSON</a>
      {canFreeze && <FreezeButton meetingDate={params.date} inUse={params.inUse} />}
    </div>
  );
}
