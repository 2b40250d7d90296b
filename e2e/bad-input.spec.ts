// Bad input is refused as input, never a 500: every page and every GET route, each query parameter
// the app reads by that name somewhere, with values that broke it before (year 0000, which JavaScript's
// dates take and PostgreSQL has not; a NUL character) and others that reach the parsers' edges. An
// answer may be a page, a redirect or a 4xx; a 5xx names the request.
import { expect, test } from "@playwright/test";
import { pagePaths } from "./every-page";

const apiPaths = ["/api/accounts/suggest", "/api/admin/audit", "/api/admin/tokens", "/api/alerts/channels", "/api/alerts/deliveries",
  "/api/alerts/rules", "/api/findings", "/api/findings/export", "/api/overview/heatmap", "/api/review", "/api/review/csv",
  "/api/review/exceptions", "/api/review/pdf", "/api/sync"];
const names = ["q", "region", "account", "date", "severity", "cursor", "limit", "sort", "status", "tag", "resource", "package", "cve",
  "ou", "owner", "group", "value", "inUse", "from", "to", "action", "actor", "type", "resourceType", "scanType", "reason", "id", "except",
  "findingArn", "returnTo", "weeks", "ageMin", "epssMin", "scoreMax", "firstSeenFrom", "closedTo", "alert", "kev", "exploit", "fix", "page"];
// Each name gets year 0000 on every path, and one of the others in turn (the whole matrix took 1.5 min).
const year0 = "0000-01-01";
const others = ["a%00b", "-1e309", "x".repeat(3000), "%FF%FE", "2026-02-30T25:00:00Z", "9999-12-31"];

test("no page or GET route answers a bad query value with a 5xx", async ({ request }) => {
  // ~2,500 requests: 30 s on the Intel VM, 66 s alone on the slower AMD one, and past 120 s there beside the
  // other browser worker (the old build's sweep took as long). What it checks is the answers, not their speed.
  test.setTimeout(300_000);
  const paths = [...Object.values(await pagePaths(request)).map((p) => p.split("?")[0]), ...apiPaths];
  const encoded = (v: string) => (v.startsWith("%") || v.includes("%00") ? v : encodeURIComponent(v));
  const asks = paths.flatMap((p, i) => names.flatMap((n, j) => [year0, others[(i + j) % others.length]].map((v) => `${p}?${n}=${encoded(v)}`)));
  const failed: string[] = [];
  for (let i = 0; i < asks.length; i += 8) {
    await Promise.all(asks.slice(i, i + 8).map(async (url) => {
      const res = await request.get(url, { maxRedirects: 0 });
      if (res.status() >= 500) failed.push(`${res.status()} ${url.slice(0, 120)}`);
    }));
  }
  expect(asks.length).toBeGreaterThan(2_000);
  expect(failed).toEqual([]);
});

// A NUL in a JSON body: PostgreSQL's text and jsonb hold none, so it is refused at the boundary by the
// field's path (lib/auth/json-body.ts), before anything is read or written.
const NUL_EXPECTED = "expected text without a NUL character (U+0000)";
const nulBodies: [string, unknown, string][] = [
  ["/api/review/exceptions", { target: "finding", findingArn: "arn:aws:inspector2:us-east-1:111111111111:finding/x", reason: "accepted until the next patch\0", owner: "me", expiresOn: "2099-01-01" }, "reason"],
  ["/api/review/freeze", { "meeting\0Date": "2026-12-05" }, "meeting\ufffdDate"],
  ["/api/admin/tokens", { name: "ci\0bot", role: "viewer", scope: { all: true }, expiresInDays: 30 }, "name"],
  ["/api/alerts/channels", { name: "hook", config: { kind: "WEBHOOK", url: "https://hooks.example/\0" } }, "config.url"],
  ["/api/alerts/rules", { name: "r", kind: "NEW_FINDINGS", scope: { accounts: ["11111111111\0"] }, channelIds: [] }, "scope.accounts.0"],
  ["/api/gate", { artifact: { kind: "lambda-function", functionName: "f\0" } }, "artifact.functionName"],
];

test("a NUL in a JSON body is refused by its field's path, and nothing is written", async ({ request }) => {
  const tokens = async () => (await (await request.get("/api/admin/tokens")).json()).length;
  const before = await tokens();
  for (const [path, body, field] of nulBodies) {
    const res = await request.post(path, { data: body });
    expect(res.status(), path).toBe(400);
    expect((await res.json()).issues, path).toEqual([{ field, message: NUL_EXPECTED }]);
  }
  expect(await tokens()).toBe(before);
});
