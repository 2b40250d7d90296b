// Shared responses for /api/review/**: 400 names the field and the reason.
import { AppError } from "@/lib/auth/app-error";
import { jsonBody } from "@/lib/auth/json-body";
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

/** The JSON body (json-body.ts), or the 400 naming what was wrong with it. */
export async function readJson(request: Request): Promise<{ body: unknown } | { response: Response }> {
  try {
    return { body: await jsonBody(request) };
  } catch (err) {
    if (err instanceof AppError) return { response: issuesResponse(err.issues) };
    throw err;
  }
}
