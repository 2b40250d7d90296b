// GET /api/review/exceptions?date= — expiring, expired and active exceptions as of that meeting.
// POST — create one: {target, findingArn | vulnerabilityId + resourceIds, reason, owner, expiresOn}.
import { createRiskException } from "@/lib/actions/risk-exception-store";
import { loadReview } from "@/lib/queries/review/load-review";
import { scopeForRequest } from "@/lib/queries/scope";
import { issuesResponse, jsonResponse, readJson, reviewParamsOr400 } from "../respond";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const p = reviewParamsOr400(request);
  if ("response" in p) return p.response;
  const { payload } = await loadReview(await scopeForRequest(), p.params);
  return jsonResponse(payload.exceptions);
}

export async function POST(request: Request) {
  const b = await readJson(request);
  if ("response" in b) return b.response;
  const r = await createRiskException(b.body, new Date(), null);
  return r.ok ? jsonResponse({ id: r.id }, 201) : issuesResponse(r.issues, r.status);
}
