// A bounded label for a request path: its kind (page, api, asset) and a route with ids folded,
// so a metric never gets one series per finding, account or unknown URL.
export type RouteKind = "page" | "api" | "asset";

const isParam = (s: string) => /\d/.test(s) || s.length > 32 || !/^[a-z][a-z-]*$/.test(s);

export function routeOf(pathname: string, status = 200): { kind: RouteKind; route: string } {
  if (pathname.startsWith("/_next/") || /\.(ico|png|svg|css|js|map|txt|webmanifest)$/.test(pathname)) {
    return { kind: "asset", route: "/_next" };
  }
  const kind: RouteKind = pathname === "/api" || pathname.startsWith("/api/") ? "api" : "page";
  if (status === 404) return { kind, route: "unmatched" };
  const segments = pathname.split("/").filter(Boolean).slice(0, 4).map((s) => (isParam(s) ? ":id" : s));
  return { kind, route: `/${segments.join("/")}` };
}
