// Starts single sign-on: a fresh state, nonce and PKCE verifier, then the identity provider.
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { authPage } from "@/lib/auth/auth-page";
import { cookieOptions } from "@/lib/auth/cookie-options";
import { signInConfigured, startSignIn } from "@/lib/auth/oidc-client";
import { ATTEMPT_COOKIE, ATTEMPT_MAX_AGE_SECONDS, encodeAttempt, safeReturnTo } from "@/lib/auth/sign-in-attempt";
import { refuseTooManySignIns } from "@/lib/auth/sign-in-limiter";
import { logSignIn } from "@/lib/auth/sign-in-log";
import { clientAddress } from "@/lib/auth/rate-limit";

export const dynamic = "force-dynamic";

export async function GET(req: NextRequest) {
  if (!signInConfigured()) return authPage({ title: "Local mode — no sign-in", lines: ["No identity provider is configured."], link: { href: "/", label: "Open Inspectorate" } });
  const refused = refuseTooManySignIns(req.headers);
  if (refused) return refused;
  try {
    const { url, attempt } = await startSignIn(safeReturnTo(req.nextUrl.searchParams.get("returnTo")));
    (await cookies()).set(ATTEMPT_COOKIE, encodeAttempt(attempt), cookieOptions("/auth/callback", ATTEMPT_MAX_AGE_SECONDS));
    return new Response(null, { status: 303, headers: { location: url.href, "cache-control": "no-store" } });
  } catch (err) {
    await logSignIn("provider_unreachable", { address: clientAddress(req.headers), reason: err instanceof Error ? `${err.name}: ${err.message}` : "unknown" });
    return authPage({ title: "Sign-in is unavailable", lines: ["The identity provider did not answer. Try again in a minute, or ask an admin."], status: 503, link: { href: "/auth/signin", label: "Try again" } });
  }
}
