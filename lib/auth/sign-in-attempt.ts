// The state, nonce and PKCE verifier of one sign-in, kept in a short-lived HttpOnly cookie scoped
// to the callback path: the browser that started the sign-in is the only one that can finish it.
import { z } from "zod";
import type { Attempt } from "./oidc-client";

export const ATTEMPT_COOKIE = "inspectorate_signin";
export const ATTEMPT_MAX_AGE_SECONDS = 600;

const attemptSchema = z.object({ state: z.string().min(16), nonce: z.string().min(16), verifier: z.string().min(43), returnTo: z.string() });

export const encodeAttempt = (a: Attempt) => Buffer.from(JSON.stringify(a)).toString("base64url");

export function decodeAttempt(value: string | undefined): Attempt | null {
  if (!value) return null;
  try {
    const r = attemptSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return r.success ? { ...r.data, returnTo: safeReturnTo(r.data.returnTo) } : null;
  } catch {
    return null;
  }
}

/** Only a path on this site: "/x?y" stays, "//evil", "https://evil" and "/\\evil" become "/". */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.includes("\\") || value.startsWith("/auth/")) return "/";
  return /^[\x21-\x7e]+$/.test(value) ? value : "/";
}
