import { expect, test } from "@playwright/test";
import { attachScreenshot } from "./screenshots";

test("pages carry a nonce CSP and security headers, and still hydrate with no CSP violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text()); });
  const res = await page.goto("/findings");
  const h = res!.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Client navigation works only once React hydrated: a marker on window survives it.
  await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Coverage", exact: true }).click();
  await expect(page).toHaveURL(/\/coverage$/);
  expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
  expect(violations).toEqual([]);
});

test("a cross-origin text/plain write and a foreign Host are refused", async ({ request, baseURL }) => {
  const cross = await request.post("/api/sync", { headers: { origin: "http://evil.example", "content-type": "text/plain" }, data: "{}" });
  expect(cross.status()).toBe(403);
  const rebound = await request.get("/api/findings/export", { headers: { host: "rebind.evil.example" } });
  expect(rebound.status()).toBe(403);
  const page = await request.get("/", { headers: { host: "rebind.evil.example" } });
  expect(page.status()).toBe(403);
  expect((await request.get("/api/findings?limit=1")).headers()["content-security-policy"]).toContain("default-src 'none'");
  expect(baseURL).toContain("127.0.0.1");
});

test("a URL holding a NUL character is refused by the name of its part, page and API alike", async ({ request }) => {
  const api = await request.get("/api/findings?severity=HIGH&package=open%00ssl");
  expect(api.status()).toBe(400);
  expect(await api.json()).toEqual({ error: "Invalid request: package", code: "invalid", issues: [{ field: "package", message: "expected text without a NUL character (U+0000)" }] });
  const page = await request.get("/findings?resource=a%00b");
  expect(page.status()).toBe(400);
  expect(await page.text()).toBe("resource: expected text without a NUL character (U+0000)\n");
  expect((await request.get("/findings?resource=ab")).status()).toBe(200);
});

test("an admin creates an API token (shown once), uses it, revokes it, and the audit trail shows both", async ({ page, request }, testInfo) => {
  // A name of its own: the app's Postgres outlives a run when E2E_DATABASE_URL names one.
  const name = `e2e-ci-${Date.now()}`;
  await page.goto("/admin/tokens");
  const form = page.getByTestId("token-form");
  await form.getByRole("textbox", { name: "Name" }).fill(name);
  await form.locator('select[name="role"]').selectOption("viewer");
  await form.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("token-secret").locator("code").textContent())!.trim();
  expect(secret).toMatch(/^insp_/);
  const auth = { authorization: `Bearer ${secret}` };
  expect((await request.get("/api/findings?limit=1", { headers: auth })).status()).toBe(200);
  expect((await request.post("/api/sync", { headers: { ...auth, "content-type": "application/json" }, data: {} })).status()).toBe(403);
  await page.reload();
  await expect(page.getByTestId("tokens-table")).not.toContainText(secret);
  await page.getByTestId("tokens-table").getByRole("row", { name: new RegExp(name) }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("tokens-table").getByRole("row", { name: new RegExp(name) })).toContainText("revoked");
  expect((await request.get("/api/findings?limit=1", { headers: auth })).status()).toBe(401);
  await page.goto("/admin/audit?action=token");
  await expect(page.getByTestId("audit-table")).toContainText("token.created");
  await expect(page.getByTestId("audit-table")).toContainText("token.revoked");
  await attachScreenshot(page, testInfo, "admin-audit");
  const csv = await request.get("/api/admin/audit?action=token");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("token.revoked");
});
