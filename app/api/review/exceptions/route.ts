// GET /api/review/exceptions?date= — expiring, expired and active exceptions as of that meeting.
// POST — create one: {target, findingArn | vulnerabilityId + resourceIds, reason, owner, expiresOn}.
import { createRiskException } from "@/lib/actions/risk-exception-store";
import { issuesError } from "@/lib/auth/app-error";
import { withGuard } from "@/lib/auth/guard";
import { loadReview } from "@/lib/queries/review/load-review";
import { jsonBody } from "@/lib/auth/json-body";
import { jsonResponse, reviewParamsOr400 } from "../respond";

export const dynamic = "force-dynamic";

export const GET = withGuard(async (request, { scope }) => {
  const p = reviewParamsOr400(request);
  if ("response" in p) return p.response;
  const { payload } = await loadReview(scope, p.params);
  return jsonResponse(payload.exceptions);
}, { permission: "read", mutating: false });

export const POST = withGuard(async (request, { actor, address }) => {
  const r = await createRiskException({ actor, address }, await jsonBody(request));
  if (!r.ok) throw issuesError(r.status, r.issues);
  return jsonResponse({ id: r.id, approved: r.approved }, 201);
}, { permission: "exceptions", mutating: true });
