// POST /api/review/freeze {"meetingDate":"YYYY-MM-DD","inUse":"only"|"all"} — freezes that meeting's
// review (version 1) with that in-use choice (default "only").
// POST with {"meetingDate", "reason"} and ?correct=1 stores a correction as the next version.
import { correctReview } from "@/lib/actions/review-correct";
import { freezeReview } from "@/lib/actions/review-freeze";
import { issuesError } from "@/lib/auth/app-error";
import { withGuard } from "@/lib/auth/guard";
import { jsonBody } from "@/lib/auth/json-body";
import { jsonResponse } from "../respond";

export const dynamic = "force-dynamic";

export const POST = withGuard(async (request, { actor }) => {
  const body = ((await jsonBody(request)) ?? {}) as { meetingDate?: unknown; reason?: unknown; inUse?: unknown };
  const correcting = new URL(request.url).searchParams.get("correct") === "1";
  const r = correcting ? await correctReview(actor, body) : await freezeReview(actor, { meetingDate: body.meetingDate, inUse: body.inUse });
  if (!r.ok) throw issuesError(r.status, r.issues);
  return jsonResponse({ meetingDate: r.meetingDate, version: r.version, frozenAt: r.frozenAt, contentHash: r.contentHash, payload: r.payload }, 201);
}, { permission: "freeze", mutating: true });
