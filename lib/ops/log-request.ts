// What a log line says about an HTTP request: method, path without the query string (which can
// carry tokens), and headers minus every one that authenticates.
const secretHeaders = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "x-amz-security-token"]);

interface RequestLike {
  method?: string;
  url?: string;
  headers?: Record<string, unknown> | Headers;
}

export function safeHeaders(headers: RequestLike["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers ?? {});
  for (const [k, v] of entries) {
    const name = k.toLowerCase();
    out[name] = secretHeaders.has(name) || /token|secret|session/.test(name) ? "[redacted]" : String(v);
  }
  return out;
}

export function pathOf(url: string | undefined): string {
  if (!url) return "";
  const noQuery = url.split("?")[0];
  try {
    return new URL(noQuery, "http://x").pathname;
  } catch {
    return noQuery;
  }
}

export function requestForLog(req: RequestLike) {
  return { method: req.method, path: pathOf(req.url), headers: safeHeaders(req.headers) };
}
