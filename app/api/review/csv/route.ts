// GET /api/review/csv?date=… — the review as CSV.
import { loadReview } from "@/lib/queries/review/load-review";
import { recordExport } from "@/lib/auth/audit-export";
import { withGuard } from "@/lib/auth/guard";
import { reviewCsv } from "@/lib/review/export/review-csv";
import { reviewStatusLine } from "@/lib/review/review-status";
import { reviewParamsOr400 } from "../respond";

export const dynamic = "force-dynamic";

export const GET = withGuard(async (request, guard) => {
  const p = reviewParamsOr400(request);
  if ("response" in p) return p.response;
  const review = await loadReview(guard.scope, p.params);
  const { payload, frozenAt } = review;
  await recordExport(guard, "export.review_csv", { meetingDate: payload.meta.meetingDate, frozenAt: review.frozenAt ?? null });
  return new Response(reviewCsv(payload, frozenAt, reviewStatusLine(review)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="inspectorate-review-${payload.meta.meetingDate}.csv"`,
      "cache-control": "no-store",
    },
  });
}, { permission: "read", mutating: false });
