// API token secrets: 32 random bytes, shown once; only their SHA-256 is stored. A fixed prefix
// lets secret scanners recognise a leaked token.
import crypto from "node:crypto";

export const TOKEN_PREFIX = "insp_";

export function newTokenSecret(): string {
  return TOKEN_PREFIX + crypto.randomBytes(32).toString("base64url");
}

export const hashTokenSecret = (secret: string) => crypto.createHash("sha256").update(secret).digest("hex");

export const looksLikeTokenSecret = (s: string) => /^insp_[A-Za-z0-9_-]{43}$/.test(s);

/** The secret of `Authorization: Bearer <secret>`; null when absent, "" when malformed. */
export function bearerSecret(authorization: string | null): string | null {
  if (authorization === null) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  return m && looksLikeTokenSecret(m[1]) ? m[1] : "";
}
