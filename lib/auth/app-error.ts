// Coded errors and the ONE place they become HTTP responses. Anything that is not an AppError is
// logged by name and a data-free code (lib/ops/internal-error-kind.ts) and reaches the client as
// "internal error": no stack, no raw text.
import type { FieldIssue } from "@/lib/review/exception-input";
import { internalErrorKind } from "@/lib/ops/internal-error-kind";

export const errorStatus = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unsupported_media_type: 415,
} as const;
export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const appError = (code: ErrorCode, message: string, issues?: FieldIssue[]) => new AppError(code, message, issues);

/** A field-issue result (400/403/404/409 from the verbs) as a coded error. */
export function issuesError(status: number, issues: FieldIssue[]): AppError {
  const code = (Object.keys(errorStatus) as ErrorCode[]).find((c) => errorStatus[c] === status) ?? "invalid";
  return new AppError(code, issues.map((i) => `${i.field}: ${i.message}`).join("; ") || code, issues);
}

/** PostgreSQL refused a text the request carried: a NUL character (U+0000), which its text cannot
 *  hold (22021 as a bound parameter, 22P05 inside JSON). The URL's are refused by name before (proxy.ts);
 *  this is a form's or a body's, and says what, if not which field. */
const NUL_CODES = new Set(["22021", "22P05"]);
export function inputTextError(err: unknown): AppError | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && NUL_CODES.has(code)
    ? new AppError("invalid", "a text in the request holds a NUL character (U+0000), which is not accepted")
    : null;
}

export function errorResponse(err: unknown): Response {
  const headers = { "cache-control": "no-store" };
  err = inputTextError(err) ?? err;
  if (err instanceof AppError) {
    const body = { error: err.message, code: err.code, ...(err.issues.length ? { issues: err.issues } : {}) };
    return Response.json(body, { status: errorStatus[err.code], headers });
  }
  // The name and a data-free code only: messages can carry SQL, ARNs or request data.
  console.error(`inspectorate: internal error in a request (${internalErrorKind(err)})`);
  return Response.json({ error: "internal error", code: "internal" }, { status: 500, headers });
}
