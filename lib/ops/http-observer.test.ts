import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { installHttpObserver } from "./http-observer";
import { currentLogContext } from "./log-context";
import { metrics } from "./metrics";
import { routeOf } from "./route-label";

let server: http.Server;
let base: string;
const seen: (string | undefined)[] = [];
const peers: (string | undefined)[] = [];

beforeAll(async () => {
  installHttpObserver();
  server = http.createServer(async (req, res) => {
    peers.push(req.headers["x-inspectorate-peer"] as string | undefined);
    await new Promise((r) => setTimeout(r, 5));
    seen.push(currentLogContext().requestId); // still in the request's context after an await
    res.statusCode = req.url?.startsWith("/nowhere") ? 404 : 200;
    res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("every request", () => {
  it("carries the connection's own address, whatever the client sent in its place", async () => {
    await fetch(`${base}/api/health`, { headers: { "x-inspectorate-peer": "203.0.113.9" } });
    expect(peers.at(-1)).toBe("127.0.0.1");
  });

  it("gets a request id (the caller's when sane), in the response and the log context", async () => {
    const given = await fetch(`${base}/findings`, { headers: { "x-request-id": "abc-123" } });
    expect(given.headers.get("x-request-id")).toBe("abc-123");
    const made = await fetch(`${base}/findings`, { headers: { "x-request-id": "no spaces <allowed>" } });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen.slice(-2)).toEqual(["abc-123", made.headers.get("x-request-id")]);
  });

  it("is timed into the page and API latency histogram with a bounded route label", async () => {
    await fetch(`${base}/api/findings/123456789012?x=1`);
    await fetch(`${base}/nowhere/${Math.random()}`);
    const text = await metrics().registry.getSingleMetricAsString("inspectorate_http_request_duration_seconds");
    expect(text).toMatch(/_count\{kind="api",route="\/api\/findings\/:id",method="GET",status="200"\} 1/);
    expect(text).toMatch(/_count\{kind="page",route="\/findings",method="GET",status="200"\} 2/);
    expect(text).toMatch(/route="unmatched",method="GET",status="404"\} 1/);
  });
});

describe("route labels", () => {
  it("fold ids and separate assets", () => {
    expect(routeOf("/")).toEqual({ kind: "page", route: "/" });
    expect(routeOf("/accounts/111122223333")).toEqual({ kind: "page", route: "/accounts/:id" });
    expect(routeOf("/_next/static/chunks/a.js").kind).toBe("asset");
    expect(routeOf("/api/health/ready")).toEqual({ kind: "api", route: "/api/health/ready" });
  });
});
