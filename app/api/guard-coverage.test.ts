// Every route under app/api, found on disk: a new route cannot be forgotten. Each exported method
// must be wrapped by withGuard; every write must refuse a cross-origin text/plain POST (the
// request any web page can send without a preflight) and a foreign Host, before any work.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const apiDir = path.join(import.meta.dirname);
const routeFiles = (fs.readdirSync(apiDir, { recursive: true }) as string[]).filter((f) => f.endsWith("route.ts")).sort();
const writes = ["POST", "PUT", "PATCH", "DELETE"] as const;
const methods = ["GET", "HEAD", "OPTIONS", ...writes] as const;
const routeParams = { params: Promise.resolve({ id: "00000000-0000-4000-8000-000000000000" }) };
type Handler = ((req: Request, route?: unknown) => Promise<Response>) & { guard?: { mutating: boolean } };

async function handlers() {
  const out: { file: string; url: string; method: string; fn: Handler }[] = [];
  for (const file of routeFiles) {
    const mod = (await import(/* @vite-ignore */ path.join(apiDir, file))) as Record<string, Handler>;
    const url = `http://127.0.0.1:3000/api/${path.dirname(file).replace(/\[(\w+)\]/g, "x")}`;
    for (const m of methods) if (typeof mod[m] === "function") out.push({ file, url, method: m, fn: mod[m] });
  }
  return out;
}

describe("every API route passes the guard", () => {
  it("finds the routes on disk (sanity)", async () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(10);
    expect((await handlers()).filter((h) => (writes as readonly string[]).includes(h.method)).length).toBeGreaterThanOrEqual(5);
  });

  it("wraps every exported method in withGuard, writes marked mutating", async () => {
    for (const h of await handlers()) {
      expect(h.fn.guard, `${h.method} ${h.file}`).toBeDefined();
      if ((writes as readonly string[]).includes(h.method)) expect(h.fn.guard?.mutating, `${h.method} ${h.file}`).toBe(true);
    }
  });

  it("refuses a cross-origin text/plain write with 403", async () => {
    for (const h of (await handlers()).filter((x) => (writes as readonly string[]).includes(x.method))) {
      const res = await h.fn(new Request(h.url, { method: h.method, body: '{"full":true}', headers: { origin: "http://evil.example", "content-type": "text/plain" } }), routeParams);
      expect(res.status, `${h.method} ${h.file}`).toBe(403);
      expect((await res.json()).code).toBe("forbidden");
    }
  });

  it("refuses a same-origin write that is not JSON with 415", async () => {
    for (const h of (await handlers()).filter((x) => (writes as readonly string[]).includes(x.method))) {
      const res = await h.fn(new Request(h.url, { method: h.method, body: "full=1", headers: { origin: "http://127.0.0.1:3000", "content-type": "application/x-www-form-urlencoded" } }), routeParams);
      expect(res.status, `${h.method} ${h.file}`).toBe(415);
    }
  });

  it("refuses a foreign Host (DNS rebinding) on every method with 403", async () => {
    for (const h of await handlers()) {
      const res = await h.fn(new Request(h.url.replace("127.0.0.1:3000", "rebind.evil.example:3000"), { method: h.method }), routeParams);
      expect(res.status, `${h.method} ${h.file}`).toBe(403);
    }
  });
});
