// GET /api/review?date=&group=&value=&weeks= — the review as JSON (frozen when it was frozen).
import { loadReview } from "@/lib/queries/review/load-review";
import { withGuard } from "@/lib/auth/guard";
import { jsonResponse, reviewParamsOr400 } from "./respond";

export const dynamic = "force-dynamic";

export const GET = withGuard(async (request, { scope }) => {
  const p = reviewParamsOr400(request);
  if ("response" in p) return p.response;
  const review = await loadReview(scope, p.params);
  return jsonResponse(review);
}, { permission: "read", mutating: false });
