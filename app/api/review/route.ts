// GET /api/review?date=&group=&value=&weeks= — the review as JSON (frozen when it was frozen).
import { loadReview } from "@/lib/queries/review/load-review";
import { scopeForRequest } from "@/lib/queries/scope";
import { jsonResponse, reviewParamsOr400 } from "./respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const p = reviewParamsOr400(request);
  if ("response" in p) return p.response;
  const review = await loadReview(await scopeForRequest(), p.params);
  return jsonResponse(review);
}
