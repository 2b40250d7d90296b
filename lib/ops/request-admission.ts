// Admission for the web server's requests: at most INSPECTORATE_WEB_CONCURRENCY pages and API calls
// are served at once in a process; the others wait their turn, in the order they came.
//
// Why: a page is mostly CPU (the findings index, React's render), and Node interleaves every request
// it has started. With 25 viewers on one worker each page shared the core with 24 others, so a
// question twice as dear took twice as long as the median one: p99 was ~2.3× p50. Served a few at a
// time in arrival order, each waits for the ones before it and then runs nearly alone, so the waits
// even out: at 50 viewers on a 1M cache the explorer's p99 fell 14–47 % (the CVE grouping 1,615 → 863
// ms, the resource grouping 1,868 → 1,290) at about the same throughput (docs/benchmarks.md, 43rd pass).
//
// Never held back: static assets, health and metrics (a probe or a scrape must answer while pages
// queue), and the downloads (a CSV or PDF streams for seconds and would hold a place that long).
// Served last: the router's prefetches (Next-Router-Prefetch), a guess at a next page, wait until no
// page or API call does. A request whose client leaves while it waits is dropped, never served. A
// request keeps its place at most HOLD_MS: one still going then (a slow query or render) goes on
// outside the count, and the next one in the line starts. A client that reads slowly, or not at all,
// holds no place on this app's pages: the kernel's socket buffers take the whole response (measured
// with a 399 KB page, docs/benchmarks.md, 45th pass); only a response of several MB could wait on one.
import http from "node:http";
import { AsyncResource } from "node:async_hooks";
import { pathOf } from "./log-request";
import { routeOf } from "./route-label";

const unqueued = [/^\/api\/health\//, /^\/api\/metrics$/, /^\/api\/findings\/export$/, /^\/api\/review\/(csv|pdf)$/];

/** Whether a request path skips the line: assets (as the metrics' route labels class them), probes,
 *  scrapes, downloads. */
export const servedUnqueued = (path: string): boolean => routeOf(path).kind === "asset" || unqueued.some((re) => re.test(path));

export interface Admission {
  /** Serves the request now, or once a place frees up; `serve` runs in the request's own async context. */
  admit(req: http.IncomingMessage, res: http.ServerResponse, serve: () => void): void;
  /** Requests being served (queued ones not counted) and waiting. */
  readonly serving: number;
  readonly waiting: number;
}

/** The longest a request holds its place. A page's own work is ~5-40 ms of CPU here; more is waiting. */
export const HOLD_MS = 500;

/** `limit` 0: no limit. `waited`: each admitted request's seconds in the line (0 when served at once). */
export function createAdmission(limit: number, waited?: (seconds: number) => void, holdMs = HOLD_MS): Admission {
  let serving = 0;
  type Turn = { res: http.ServerResponse; serve: () => void; since: number };
  const line: Turn[] = [];
  const prefetches: Turn[] = [];
  const next = () => {
    while (serving < limit && (line.length || prefetches.length)) {
      const turn = (line.length ? line : prefetches).shift()!;
      start(turn.res, turn.serve, turn.since);
    }
  };
  const start = (res: http.ServerResponse, serve: () => void, since: number) => {
    serving++;
    let done = false;
    const release = () => {
      if (done) return;
      done = true;
      clearTimeout(held);
      serving--;
      next();
    };
    const held = setTimeout(release, holdMs);
    held.unref();
    res.once("finish", release);
    res.once("close", release);
    waited?.((performance.now() - since) / 1000);
    try {
      serve();
    } catch (err) {
      res.destroy(err as Error); // frees its place ("close"); a waiting one must not throw into another's "finish"
    }
  };
  return {
    admit(req, res, serve) {
      if (limit <= 0 || servedUnqueued(pathOf(req.url))) return serve();
      const prefetch = req.headers["next-router-prefetch"] !== undefined;
      if (serving < limit && !line.length && (!prefetch || !prefetches.length)) return start(res, serve, performance.now());
      const turn: Turn = { res, serve: AsyncResource.bind(serve), since: performance.now() };
      const queue = prefetch ? prefetches : line;
      queue.push(turn);
      // The client left while waiting: out of the line (once served, the turn is no longer in it).
      res.once("close", () => {
        const at = queue.indexOf(turn);
        if (at >= 0) queue.splice(at, 1);
      });
    },
    get serving() {
      return serving;
    },
    get waiting() {
      return line.length + prefetches.length;
    },
  };
}

const holder = globalThis as { __inspectorateAdmission?: Admission };

/** This process's admission, once installed (metrics read its line). */
export const currentAdmission = (): Admission | undefined => holder.__inspectorateAdmission;

/** Holds every Node HTTP server's "request" events at the door. Install it before the HTTP observer
 *  (http-observer.ts), which then wraps it: a request's id, log line and latency count from its arrival,
 *  its wait included. */
export function installRequestAdmission(limit: number, waited?: (seconds: number) => void): void {
  if (holder.__inspectorateAdmission || limit <= 0) return;
  const admission = createAdmission(limit, waited);
  holder.__inspectorateAdmission = admission;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event !== "request") return emit.call(this, event, ...args);
    const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
    admission.admit(req, res, () => emit.call(this, event, ...args));
    return true;
  } as typeof http.Server.prototype.emit;
}
