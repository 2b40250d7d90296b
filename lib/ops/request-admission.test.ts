import http from "node:http";
import type { AddressInfo } from "node:net";
import { AsyncLocalStorage } from "node:async_hooks";
import { afterEach, describe, expect, it } from "vitest";
import { createAdmission, currentAdmission, installRequestAdmission, servedUnqueued, type Admission } from "./request-admission";
import { metrics } from "./metrics";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Until the server holds `n` requests (served or waiting): requests then arrive in the order sent. */
async function holding(admission: Pick<Admission, "serving" | "waiting">, n: number) {
  for (let i = 0; i < 500 && admission.serving + admission.waiting < n; i++) await sleep(2);
  expect(admission.serving + admission.waiting).toBe(n);
}
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => (s.close(r), s.closeAllConnections()))));
});

/** A real server whose requests pass `admission`; each served request is held `holdMs` (from ?hold=). */
async function serverWith(admission: Admission) {
  const log = { served: [] as string[], now: 0, most: 0 };
  const context = new AsyncLocalStorage<string>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url!, "http://x");
    const id = url.searchParams.get("id") ?? url.pathname;
    context.run(id, () =>
      admission.admit(req, res, async () => {
        log.served.push(context.getStore() === id ? id : `${id} in ${context.getStore()}'s context`);
        log.most = Math.max(log.most, ++log.now);
        await sleep(Number(url.searchParams.get("hold") ?? 40));
        log.now--;
        res.end(id);
      }),
    );
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, log };
}

describe("the line at the door", () => {
  it("serves at most the limit at once, the others in the order they came, each in its own context", async () => {
    const waits: number[] = [];
    const admission = createAdmission(2, (s) => waits.push(s));
    const { base, log } = await serverWith(admission);
    const answers: Promise<string>[] = [];
    for (let i = 0; i < 7; i++) {
      answers.push(fetch(`${base}/findings?id=r${i}&hold=150`).then((r) => r.text()));
      await holding(admission, i + 1); // arrival order r0, r1, … (separate connections)
    }
    expect(admission.waiting).toBe(5); // two served, five waiting while the first two hold
    expect(await Promise.all(answers)).toEqual(["r0", "r1", "r2", "r3", "r4", "r5", "r6"]);
    expect(log.served).toEqual(["r0", "r1", "r2", "r3", "r4", "r5", "r6"]);
    expect(log.most).toBe(2);
    expect(admission.serving).toBe(0);
    expect(admission.waiting).toBe(0);
    // The first two at once; the last waited for the two turns of 150 ms after the first.
    expect(waits.slice(0, 2).every((s) => s < 0.01)).toBe(true);
    expect(waits[6]).toBeGreaterThan(0.2);
  });

  it("never holds back assets, probes, scrapes or downloads", async () => {
    const admission = createAdmission(1, undefined, 10_000);
    const { base, log } = await serverWith(admission);
    const slow = fetch(`${base}/findings?id=slow&hold=1500`).then((r) => r.text());
    await holding(admission, 1);
    const queued = fetch(`${base}/overview?id=queued&hold=1`).then((r) => r.text());
    await holding(admission, 2);
    const started = performance.now();
    for (const path of ["/api/health/live", "/api/health/ready", "/api/metrics", "/_next/static/chunks/a.js", "/api/findings/export", "/api/review/csv", "/api/review/pdf"]) {
      expect(await (await fetch(`${base}${path}?hold=1`)).text()).toBe(path);
    }
    expect(performance.now() - started).toBeLessThan(1000);
    expect(admission.waiting).toBe(1); // the page still waits behind the slow one
    expect(await slow).toBe("slow");
    expect(await queued).toBe("queued");
    // Every download and probe was served before the page that came before them, which waited its turn.
    expect(log.served).toEqual(["slow", "/api/health/live", "/api/health/ready", "/api/metrics", "/_next/static/chunks/a.js", "/api/findings/export", "/api/review/csv", "/api/review/pdf", "queued"]);
    expect(servedUnqueued("/favicon.ico")).toBe(true);
    expect(servedUnqueued("/robots.txt")).toBe(true);
    expect(servedUnqueued("/findings")).toBe(false);
    expect(servedUnqueued("/api/findings")).toBe(false);
    expect(servedUnqueued("/api/health")).toBe(false); // not a probe's path
    expect(servedUnqueued("/api/findings/export/x")).toBe(false);
  });

  it("drops a request whose client left while it waited, and serves the next", async () => {
    const admission = createAdmission(1);
    const { base, log } = await serverWith(admission);
    const first = fetch(`${base}/a?id=first&hold=300`).then((r) => r.text());
    await holding(admission, 1);
    const leaving = new AbortController();
    const left = fetch(`${base}/b?id=left&hold=1`, { signal: leaving.signal }).catch((e: Error) => e.name);
    await holding(admission, 2);
    const after = fetch(`${base}/c?id=after&hold=1`).then((r) => r.text());
    await holding(admission, 3);
    expect(admission.waiting).toBe(2);
    leaving.abort();
    expect(await left).toBe("AbortError");
    await expect.poll(() => admission.waiting).toBe(1); // out of the line at once, not at its turn
    expect(await first).toBe("first");
    expect(await after).toBe("after");
    expect(log.served).toEqual(["first", "after"]);
    expect(admission.serving).toBe(0);
  });

  it("serves the router's prefetches only when no page or API call waits", async () => {
    const admission = createAdmission(1);
    const { base, log } = await serverWith(admission);
    const send = (id: string, prefetch = false, hold = 60) => fetch(`${base}/${id}?id=${id}&hold=${hold}`, { headers: prefetch ? { "next-router-prefetch": "1", rsc: "1" } : {} }).then((r) => r.text());
    // The first is held long enough for the four others to be in the line behind it, even on a loaded
    // machine (at 60 ms it was once done before the second arrived, under the whole suite).
    const sent = [send("page1", false, 1_000)];
    await holding(admission, 1);
    for (const [i, [id, prefetch]] of ([["prefetch1", true], ["page2", false], ["prefetch2", true], ["page3", false]] as const).entries()) {
      sent.push(send(id, prefetch));
      await holding(admission, i + 2);
    }
    expect(await Promise.all(sent)).toEqual(["page1", "prefetch1", "page2", "prefetch2", "page3"]);
    expect(log.served).toEqual(["page1", "page2", "page3", "prefetch1", "prefetch2"]);
  });

  it("frees the place of a request that throws as its turn comes, and serves the next", async () => {
    const admission = createAdmission(1);
    const server = http.createServer((req, res) =>
      admission.admit(req, res, () => {
        if (req.url === "/bad") throw new Error("broken handler");
        setTimeout(() => res.end(req.url), 80);
      }),
    );
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const first = fetch(`${base}/first`).then((r) => r.text());
    await holding(admission, 1);
    const bad = fetch(`${base}/bad`).then(() => "answered", () => "connection closed");
    await holding(admission, 2);
    const after = fetch(`${base}/after`).then((r) => r.text());
    await holding(admission, 3);
    expect([await first, await bad, await after]).toEqual(["/first", "connection closed", "/after"]);
    expect([admission.serving, admission.waiting]).toEqual([0, 0]);
  });

  it("lets the next one in once a request has held its place for the longest it may", async () => {
    const admission = createAdmission(1, undefined, 200);
    const { base, log } = await serverWith(admission);
    const slow = fetch(`${base}/a?id=slow&hold=1500`).then((r) => r.text());
    await holding(admission, 1);
    const started = performance.now();
    const next = fetch(`${base}/b?id=next&hold=1`).then((r) => r.text());
    expect(await next).toBe("next");
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThan(150);
    expect(waited).toBeLessThan(1000); // not behind the slow one's 1.5 s
    expect(await slow).toBe("slow");
    expect(log.served).toEqual(["slow", "next"]);
    expect([admission.serving, admission.waiting]).toEqual([0, 0]);
  });

  it("with limit 0 serves everything at once", async () => {
    const admission = createAdmission(0);
    const { base, log } = await serverWith(admission);
    await Promise.all([0, 1, 2, 3, 4].map((i) => fetch(`${base}/x?id=${i}&hold=80`).then((r) => r.text())));
    expect(log.most).toBe(5);
  });

  it("installed, holds every server's requests at the door and counts the line in the metrics", async () => {
    installRequestAdmission(1, (s) => metrics().httpQueueWait.observe(s));
    const server = http.createServer(async (req, res) => {
      await sleep(Number(new URL(req.url!, "http://x").searchParams.get("hold")));
      res.end("ok");
    });
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const slow = fetch(`${base}/a?hold=400`);
    await holding(currentAdmission()!, 1);
    const waiting = fetch(`${base}/b?hold=1`);
    await holding(currentAdmission()!, 2);
    expect(currentAdmission()!.waiting).toBe(1);
    const text = await metrics().registry.metrics();
    expect(text).toMatch(/^inspectorate_http_requests_waiting 1$/m);
    expect(text).toMatch(/^inspectorate_http_requests_serving 1$/m);
    await Promise.all([slow, waiting]);
    const after = await metrics().registry.metrics();
    expect(after).toMatch(/^inspectorate_http_requests_waiting 0$/m);
    expect(after).toMatch(/^inspectorate_http_queue_wait_seconds_count 2$/m);
    expect(Number(after.match(/^inspectorate_http_queue_wait_seconds_sum (\S+)$/m)![1])).toBeGreaterThan(0.3);
  });
});
