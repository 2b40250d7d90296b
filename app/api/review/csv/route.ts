// GET /api/review/csv?date=… — the review as CSV.
import { loadReview } from "@/lib/queries/review/load-review";
import { scopeForRequest } from "@/lib/queries/scope";
import { reviewCsv } from "@/lib/review/export/review-csv";
import { reviewStatusLine } from "@/lib/review/review-status";
import { reviewParamsOr400 } from "../respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const p = reviewParamsOr400(request);
  if ("response" in p) return p.response;
  const review = await loadReview(await scopeForRequest(), p.params);
  const { payload, frozenAt } = review;
  return new Response(reviewCsv(payload, frozenAt, reviewStatusLine(review)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="inspectorate-review-${payload.meta.meetingDate}.csv"`,
      "cache-control": "no-store",
    },
  });
}
