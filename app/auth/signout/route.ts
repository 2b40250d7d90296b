// Sign-out: POST deletes the session row and the cookie (a GET can't be forged into a sign-out), and
// asks the provider to revoke the refresh token the session held;
// GET shows the signed-out page, which does not send the browser straight back to the provider.
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { authPage } from "@/lib/auth/auth-page";
import { publicUrl, revokeRefreshToken } from "@/lib/auth/oidc-client";
import { clientAddress } from "@/lib/auth/rate-limit";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie-name";
import { deleteSession } from "@/lib/auth/session-store";
import { logSignIn } from "@/lib/auth/sign-in-log";
import { log } from "@/lib/ops/logger";

export const dynamic = "force-dynamic";

export async function POST(req: NextRequest) {
  const origin = req.headers.get("origin");
  if (origin && origin !== new URL(publicUrl()).origin) return authPage({ title: "Sign-out refused", lines: ["The request came from another site."], status: 403 });
  const jar = await cookies();
  const value = jar.get(SESSION_COOKIE)?.value;
  const refreshToken = value ? await deleteSession(value) : null;
  // The provider's refresh token goes too, where it can revoke one: not awaited, so an unreachable
  // provider does not hold the sign-out (the app's copy is gone with the row either way).
  if (refreshToken) {
    revokeRefreshToken(refreshToken).catch((err) => log().warn({ component: "sign-in", err: err instanceof Error ? err.message : String(err) }, "sign-out: the identity provider did not revoke the refresh token"));
  }
  jar.delete(SESSION_COOKIE);
  await logSignIn("signed_out", { address: clientAddress(req.headers) });
  return new Response(null, { status: 303, headers: { location: `${publicUrl()}/auth/signout`, "cache-control": "no-store" } });
}

export function GET() {
  return authPage({ title: "Signed out", lines: ["Your Inspectorate session has ended. Your identity provider's session is unchanged."], link: { href: "/auth/signin", label: "Sign in again" } });
}
