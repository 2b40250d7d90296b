// Runs before every page and route (Next.js 16's renamed middleware): refuses foreign Host names
// (DNS rebinding) and a URL holding a NUL character (by name: no query can bind it), sends people
// without a session to sign-in when sign-in is configured, and sets the Content-Security-Policy (a
// fresh nonce per page). Route handlers still pass withGuard.
import { NextResponse, type NextRequest } from "next/server";
import { signInConfigured } from "@/lib/auth/oidc-client";
import { hostAllowed, allowedHosts, nulParameter, NUL_EXPECTED } from "@/lib/auth/request-checks";
import { apiCsp, newNonce, pageCsp } from "@/lib/auth/security-headers";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie-name";

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!hostAllowed(request.headers.get("host"), allowedHosts())) {
    return new NextResponse("This host name is not served here (see INSPECTORATE_ALLOWED_HOSTS).\n", {
      status: 403, headers: { "content-type": "text/plain; charset=utf-8", "content-security-policy": apiCsp },
    });
  }
  const nul = nulParameter(request.nextUrl);
  if (nul) {
    const headers = { "content-security-policy": apiCsp, "cache-control": "no-store" };
    return pathname.startsWith("/api/")
      ? NextResponse.json({ error: `Invalid request: ${nul}`, code: "invalid", issues: [{ field: nul, message: NUL_EXPECTED }] }, { status: 400, headers })
      : new NextResponse(`${nul}: ${NUL_EXPECTED}\n`, { status: 400, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
  }
  if (pathname.startsWith("/api/")) {
    const res = NextResponse.next();
    res.headers.set("content-security-policy", apiCsp);
    return res;
  }
  const anonymous = !request.cookies.get(SESSION_COOKIE) && !request.headers.get("authorization");
  if (signInConfigured() && anonymous && !pathname.startsWith("/auth/")) {
    const to = new URL("/auth/signin", request.url);
    to.searchParams.set("returnTo", `${pathname}${search}`);
    return NextResponse.redirect(to, 303);
  }
  const nonce = newNonce();
  const csp = pageCsp(nonce);
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("content-security-policy", csp);
  return res;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
