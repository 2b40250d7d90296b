// Shared responses for /api/review/**: 400 names the field and the reason.
import type { FieldIssue } from "@/lib/review/exception-input";
import { parseReviewParams, type ReviewParams } from "@/lib/review/review-params";

export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}

export function issuesResponse(issues: FieldIssue[], status = 400): Response {
  return jsonResponse({ error: issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues }, status);
}

/** Parses the review query string, or the 400 response to return. */
export function reviewParamsOr400(request: Request): { params: ReviewParams } | { response: Response } {
  const r = parseReviewParams(new URL(request.url).searchParams);
  return r.ok ? { params: r.params } : { response: issuesResponse(r.issues) };
}

