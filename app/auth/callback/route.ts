// The identity provider's redirect back: check the code (issuer, state, nonce, PKCE), record the
// user and their groups, and start a session, or explain why there is no access.
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { authPage } from "@/lib/auth/auth-page";
import { cookieOptions } from "@/lib/auth/cookie-options";
import { effectiveGroupMap } from "@/lib/auth/effective-group-map";
import { grantForGroups } from "@/lib/auth/group-map";
import { finishSignIn, publicUrl } from "@/lib/auth/oidc-client";
import { clientAddress } from "@/lib/auth/rate-limit";
import { sessionPolicy } from "@/lib/auth/session-actor";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie-name";
import { createSession } from "@/lib/auth/session-store";
import { ATTEMPT_COOKIE, decodeAttempt } from "@/lib/auth/sign-in-attempt";
import { refuseTooManySignIns } from "@/lib/auth/sign-in-limiter";
import { logSignIn } from "@/lib/auth/sign-in-log";
import { displayName, upsertUser } from "@/lib/auth/users";

export const dynamic = "force-dynamic";

const again = { href: "/auth/signin", label: "Sign in again" };

export async function GET(req: NextRequest) {
  const refused = refuseTooManySignIns(req.headers);
  if (refused) return refused;
  const address = clientAddress(req.headers);
  const jar = await cookies();
  const attempt = decodeAttempt(jar.get(ATTEMPT_COOKIE)?.value);
  jar.delete({ name: ATTEMPT_COOKIE, path: "/auth/callback" });
  if (!attempt) return authPage({ title: "Sign-in expired", lines: ["This sign-in was started too long ago or in another browser."], link: again, status: 400 });
  let identity;
  try {
    identity = await finishSignIn(req.nextUrl.search, attempt);
  } catch (err) {
    // The library's error names the failed check (state, nonce, issuer…); codes and tokens are not logged.
    await logSignIn("failed", { address, reason: err instanceof Error ? `${err.name}: ${err.message}` : "unknown" });
    return authPage({ title: "Sign-in failed", lines: ["The identity provider's answer could not be verified."], link: again, status: 400 });
  }
  const user = await upsertUser(identity);
  const who = displayName(user);
  if (!grantForGroups(user.groups, await effectiveGroupMap())) {
    await logSignIn("no_role", { user: who, userId: user.id, address });
    return authPage({
      title: "No access",
      lines: [`You are signed in to your identity provider as ${who}, but none of your groups is given a role in Inspectorate.`, "Ask an Inspectorate admin to map one of your groups to a role."],
      link: { href: "/auth/signin", label: "Try again after the change" },
      status: 403,
    });
  }
  const { cookieValue } = await createSession(user.id, sessionPolicy(), new Date(), identity.refreshToken);
  jar.set(SESSION_COOKIE, cookieValue, cookieOptions("/", sessionPolicy().maxHours * 3600));
  await logSignIn("signed_in", { user: who, userId: user.id, address });
  return new Response(null, { status: 303, headers: { location: new URL(attempt.returnTo, publicUrl()).href, "cache-control": "no-store" } });
}
