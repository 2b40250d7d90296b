// Sign-out: POST deletes the session row and the cookie (a GET can't be forged into a sign-out);
// GET shows the signed-out page, which does not send the browser straight back to the provider.
import { cookies } from "next/headers";
import type { NextRequest } from "next/server";
import { authPage } from "@/lib/auth/auth-page";
import { publicUrl } from "@/lib/auth/oidc-client";
import { clientAddress } from "@/lib/auth/rate-limit";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie-name";
import { deleteSession } from "@/lib/auth/session-store";
import { logSignIn } from "@/lib/auth/sign-in-log";

export const dynamic = "force-dynamic";

export async function POST(req: NextRequest) {
  const origin = req.headers.get("origin");
  if (origin && origin !== new URL(publicUrl()).origin) return authPage({ title: "Sign-out refused", lines: ["The request came from another site."], status: 403 });
  const jar = await cookies();
  const value = jar.get(SESSION_COOKIE)?.value;
  if (value) await deleteSession(value);
  jar.delete(SESSION_COOKIE);
  await logSignIn("signed_out", { address: clientAddress(req.headers) });
  return new Response(null, { status: 303, headers: { location: `${publicUrl()}/auth/signout`, "cache-control": "no-store" } });
}

export function GET() {
  return authPage({ title: "Signed out", lines: ["Your Inspectorate session has ended. Your identity provider's session is unchanged."], link: { href: "/auth/signin", label: "Sign in again" } });
}
