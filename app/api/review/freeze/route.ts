// POST /api/review/freeze {"meetingDate":"YYYY-MM-DD"} — freezes that meeting's review.
import { freezeReview } from "@/lib/actions/review-freeze";
import { scopeForRequest } from "@/lib/queries/scope";
import { issuesResponse, jsonResponse, readJson } from "../respond";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const b = await readJson(request);
  if ("response" in b) return b.response;
  const meetingDate = (b.body as { meetingDate?: unknown } | null)?.meetingDate;
  const r = await freezeReview(await scopeForRequest(), meetingDate);
  if (!r.ok) return issuesResponse(r.issues, r.status);
  return jsonResponse({ meetingDate: r.meetingDate, frozenAt: r.frozenAt, payload: r.payload }, 201);
}
