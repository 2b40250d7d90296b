// Who is asking, from a request's headers: an API token (Authorization: Bearer) first, else the
// session cookie, else local mode when no identity provider is configured. A malformed or unknown
// bearer is nobody: it never falls back to the session.
import type { Actor } from "./actor";
import { bearerSecret } from "./api-token-secret";
import { signInConfigured } from "./oidc-client";
import { localActor } from "./local-actor";
import { clientAddress } from "./rate-limit";
import { actorFromSession } from "./session-actor";
import { SESSION_COOKIE } from "./session-cookie-name";
import { actorFromToken } from "./token-actor";

export function cookieValue(cookieHeader: string | null, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}

export async function actorFromHeaders(headers: Headers): Promise<Actor | null> {
  const bearer = bearerSecret(headers.get("authorization"));
  if (bearer !== null) return bearer ? actorFromToken(bearer) : null;
  if (!signInConfigured()) return localActor;
  const session = cookieValue(headers.get("cookie"), SESSION_COOKIE);
  return session ? actorFromSession(session, clientAddress(headers)) : null;
}
