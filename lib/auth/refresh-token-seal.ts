// A session's refresh token at rest: sealed (AES-256-GCM, secret-box.ts) with a key derived from the
// session cookie, which the table holds only as a hash. A database read alone yields neither a usable
// cookie nor a usable refresh token; the token opens only inside a request that carries the cookie.
import crypto from "node:crypto";
import { openSecret, sealSecret } from "@/lib/alerts/secret-box";

const keyOf = (cookieValue: string) => Buffer.from(crypto.hkdfSync("sha256", cookieValue, "", "inspectorate session refresh token", 32));

export const sealRefreshToken = (cookieValue: string, token: string) => sealSecret(token, keyOf(cookieValue));

/** The token, or null when the seal does not open with this cookie (another session's, or altered). */
export function openRefreshToken(cookieValue: string, sealed: string): string | null {
  try {
    const token = openSecret(sealed, keyOf(cookieValue));
    return typeof token === "string" ? token : null;
  } catch {
    return null;
  }
}
