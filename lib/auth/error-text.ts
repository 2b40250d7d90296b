// Errors by who asks: admins of the whole organization see AWS's own text (principal ARNs, SCP
// wording, request ids, account ids anywhere in the organization); everyone else, scoped admins
// included, a plain reason that names the region and says who can help.
import type { Actor } from "./actor";
import { wholeOrganizationAdmin } from "./permissions";

const region = /\b([a-z]{2}(?:-gov)?-[a-z]+-\d)\b/;

/** Who reads an error: the actor, or what of it matters here. */
export type ErrorReader = Pick<Actor, "role" | "scope" | "permissionScopes">;

/** AWS's own text is for whole-organization admins only (permissions.ts). */
export const seesRawErrors = (who: ErrorReader): boolean => wholeOrganizationAdmin(who);

/** AWS's errors by kind, each with the plain reason everyone but a whole-organization admin reads. */
const AWS_REASONS: { pattern: RegExp; reason: (inRegion: string) => string }[] = [
  { pattern: /AccessDenied|not authorized|UnauthorizedOperation|explicit deny|AuthFailure|InvalidClientTokenId|ExpiredToken/i, reason: (r) => `access denied${r} — ask an admin` },
  { pattern: /Throttl|Rate exceeded|TooManyRequests/i, reason: (r) => `AWS throttled the sync${r}; it will catch up on the next run` },
  { pattern: /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|timed? ?out|socket hang up|NetworkingError/i, reason: (r) => `AWS could not be reached${r} — ask an admin` },
];

export function plainError(text: string, where?: string | null): string {
  const at = where ?? region.exec(text)?.[1];
  const inRegion = at ? ` in ${at}` : "";
  const known = AWS_REASONS.find((k) => k.pattern.test(text));
  if (known) return known.reason(inRegion);
  if (/^configuration:|INSPECTORATE_/.test(text)) return "the sync is not configured correctly — ask an admin";
  return `the sync failed${inRegion} — ask an admin`;
}

export function errorForActor(who: ErrorReader, text: string | null | undefined, where?: string | null): string | null {
  if (!text) return text ?? null;
  return seesRawErrors(who) ? text : plainError(text, where);
}

const errorKeys = new Set(["error", "syncError", "sync_error", "lastError"]);
/** A run's progress (it has a heartbeat) carries the run's error as `message`; notes' messages are not errors. */
const isErrorText = (o: Record<string, unknown>, key: string) => errorKeys.has(key) || (key === "message" && "heartbeatAt" in o);

/** AWS's own words in a text: a principal's ARN, an SDK exception's name, or an error plainError knows
 *  (a finding's ARN is not one). */
const quotesAws = (text: string) => /arn:aws[\w-]*:(?:iam|sts)::|[A-Z]\w+Exception\b/.test(text) || AWS_REASONS.some((k) => k.pattern.test(text));
/** Notes keep AWS's words in their own `error` field, which the walk makes plain like any error. Notes
 *  written before that (until 2026-12-06) quoted AWS inside the message: such a message becomes its plain reason. */
const plainNote = (n: unknown): unknown => {
  if (!n || typeof n !== "object") return n;
  const o = n as Record<string, unknown>;
  if (typeof o.message !== "string" || !quotesAws(o.message)) return n;
  return { ...o, message: plainError(o.message, typeof o.region === "string" ? o.region : null) };
};

/**
 * A copy of a status object (sync status, runs, account regions) with every error text replaced by
 * its plain reason for anyone but a whole-organization admin; a sibling `region` field names the place.
 * A run's notes (under `notes`) keep AWS's words in `error`, replaced the same way; their messages are the
 * app's words (an older note's message that quotes AWS is replaced whole).
 */
export function errorsForActor<T>(value: T, who: ErrorReader): T {
  if (seesRawErrors(who)) return value;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (!v || typeof v !== "object" || v instanceof Date) return v;
    const o = v as Record<string, unknown>;
    const where = typeof o.region === "string" ? o.region : null;
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k,
      isErrorText(o, k) && typeof x === "string" ? plainError(x, where) : k === "notes" && Array.isArray(x) ? x.map((n) => walk(plainNote(n))) : walk(x)]));
  };
  return walk(value) as T;
}
