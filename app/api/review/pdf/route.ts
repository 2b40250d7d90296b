// GET /api/review/pdf?date=… — the review as a PDF, the same numbers as the page.
import { loadReview } from "@/lib/queries/review/load-review";
import { recordExport } from "@/lib/auth/audit-export";
import { withGuard } from "@/lib/auth/guard";
import { reviewPdf } from "@/lib/review/export/review-pdf";
import { reviewStatusLine } from "@/lib/review/review-status";
import { reviewParamsOr400 } from "../respond";

export const dynamic = "force-dynamic";

export const GET = withGuard(async (request, guard) => {
  const p = reviewParamsOr400(request);
  if ("response" in p) return p.response;
  const review = await loadReview(guard.scope, p.params);
  const { payload } = review;
  await recordExport(guard, "export.review_pdf", { meetingDate: payload.meta.meetingDate, frozenAt: review.frozenAt ?? null });
  const bytes = await reviewPdf(payload, reviewStatusLine(review));
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="inspectorate-review-${payload.meta.meetingDate}.pdf"`,
      "cache-control": "no-store",
    },
  });
}, { permission: "read", mutating: false });
