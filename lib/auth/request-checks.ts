// The checks every request passes before any work: Host against the allow-list (DNS rebinding),
// and for writes Origin (cross-site requests) and a JSON body (no "simple" form/text requests).
import { env, isLoopbackHost, type Env } from "@/lib/env";
import { textWithoutNul } from "@/lib/domain/without-nul";
import { AppError } from "./app-error";

/** host:port names the app answers to: configured, else where it listens (+ loopback aliases, public URL). */
export function allowedHosts(e: Env = env()): string[] {
  if (e.INSPECTORATE_ALLOWED_HOSTS?.length) return e.INSPECTORATE_ALLOWED_HOSTS.map((h) => h.toLowerCase());
  const out = [`${e.HOST}:${e.PORT}`];
  if (isLoopbackHost(e.HOST)) out.push(`127.0.0.1:${e.PORT}`, `localhost:${e.PORT}`, `[::1]:${e.PORT}`);
  if (e.INSPECTORATE_PUBLIC_URL) out.push(new URL(e.INSPECTORATE_PUBLIC_URL).host);
  return [...new Set(out.map((h) => h.toLowerCase()))];
}

/** "host" in the list matches any port; "host:port" only that port. Default ports are implied. */
export function hostAllowed(host: string | null, allowed: readonly string[]): boolean {
  if (!host) return false;
  const h = host.toLowerCase();
  const name = h.replace(/:\d+$/, "");
  return allowed.some((a) => a === h || a === name || (!/:\d+$/.test(h) && (a === `${h}:80` || a === `${h}:443`)));
}

export function requestHost(headers: Headers, url: string): string | null {
  return headers.get("host") ?? (URL.canParse(url) ? new URL(url).host : null);
}

export function checkHost(headers: Headers, url: string, allowed = allowedHosts()): void {
  if (!hostAllowed(requestHost(headers, url), allowed)) throw new AppError("forbidden", "this host name is not served here (see INSPECTORATE_ALLOWED_HOSTS)");
}

/**
 * A browser always sends Origin on a write, and Sec-Fetch-Site where supported; either one naming
 * another site is refused. Clients that send neither (curl, automation with a token) are not browsers.
 */
export function checkOrigin(headers: Headers, url: string, allowed = allowedHosts()): void {
  const origin = headers.get("origin");
  if (origin !== null) {
    const host = URL.canParse(origin) ? new URL(origin).host : null;
    if (origin === "null" || !host || host !== requestHost(headers, url)?.toLowerCase() || !hostAllowed(host, allowed)) {
      throw new AppError("forbidden", "cross-origin request refused");
    }
  }
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") throw new AppError("forbidden", "cross-site request refused");
}

/** Writes carry JSON (or nothing): text/plain and form posts are what a foreign page can send unasked. */
export function checkJsonBody(headers: Headers): void {
  const type = headers.get("content-type");
  const length = headers.get("content-length");
  if (!type && (length === null || length === "0")) return;
  if (!type || !/^application\/json\s*(;|$)/i.test(type)) throw new AppError("unsupported_media_type", "expected Content-Type: application/json");
}

/** PostgreSQL's text holds no NUL character (U+0000): a query that binds one fails. The request's
 *  first part that holds one (`path`, or a query parameter's name), to refuse it by name before any
 *  page or route reads it. */
export function nulParameter(url: URL): string | null {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    path = url.pathname;
  }
  if (path.includes("\0")) return "path";
  for (const [name, value] of url.searchParams) if (name.includes("\0") || value.includes("\0")) return textWithoutNul(name);
  return null;
}

export const NUL_EXPECTED = "expected text without a NUL character (U+0000)";
