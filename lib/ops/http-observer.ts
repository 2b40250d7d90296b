// Every HTTP request the server answers, pages and API alike: a request id (the caller's
// X-Request-Id when sane, else a new one) in the log context and the response headers, one log
// line and one latency observation when it finishes. Installed once per process from
// instrumentation.ts, around the Node server's "request" event, so it sees the same requests
// under `next start`, `next dev` and the standalone server.
import http from "node:http";
import { randomUUID } from "node:crypto";
import { withLogContext } from "./log-context";
import { log } from "./logger";
import { metrics } from "./metrics";
import { pathOf } from "./log-request";
import { routeOf } from "./route-label";

const holder = globalThis as { __inspectorateHttpObserver?: boolean };
const saneId = (v: unknown) => (typeof v === "string" && /^[\w.:-]{1,128}$/.test(v) ? v : undefined);

/** The header that carries the connection's own address to the app (any value a client sent is replaced). */
export const PEER_HEADER = "x-inspectorate-peer";

export function observeRequest(req: http.IncomingMessage, res: http.ServerResponse): string {
  req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
  const requestId = saneId(req.headers["x-request-id"]) ?? randomUUID();
  res.setHeader("x-request-id", requestId);
  const started = performance.now();
  res.once("finish", () => {
    const seconds = (performance.now() - started) / 1000;
    const path = pathOf(req.url);
    const { kind, route } = routeOf(path, res.statusCode);
    if (kind !== "asset") {
      metrics().httpDuration.observe({ kind, route, method: req.method ?? "GET", status: String(res.statusCode) }, seconds);
    }
    const quiet = kind === "asset" || route.startsWith("/api/health") || route === "/api/metrics";
    const line = { requestId, method: req.method, path, status: res.statusCode, ms: Math.round(seconds * 1000) };
    if (quiet) log().debug(line, "request");
    else log().info(line, "request");
  });
  return requestId;
}

export function installHttpObserver(): void {
  if (holder.__inspectorateHttpObserver) return;
  holder.__inspectorateHttpObserver = true;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return emit.call(this, event, ...args);
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    const requestId = observeRequest(req, res);
    return withLogContext({ requestId }, () => emit.call(this, event, ...args));
  } as typeof http.Server.prototype.emit;
}
