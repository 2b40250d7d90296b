import { expect, test, type Browser, type Page } from "@playwright/test";
import { SCOPED_OU } from "../oidc/test-idp-config";
import { sidewaysOverflow } from "../layout-probe";
import { attachScreenshot } from "../screenshots";
import { signIn } from "./sign-in";

// An admin of one OU (sam, group prod-admins) as they would use the admin pages: they see and change
// only what lies within their OU, never the whole organization's tokens, mappings, channels or audit
// trail, and every page says why its list is shorter.
async function signedIn(browser: Browser, login: string, width = 1440): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width, height: width > 500 ? 900 : 844 } });
  const page = await context.newPage();
  await signIn(page, login);
  return page;
}
const write = (page: Page, path: string, data: unknown) =>
  page.request.post(path, { data, headers: { Origin: new URL(test.info().project.use.baseURL!).origin, "Sec-Fetch-Site": "same-origin" } });

test(`an admin of the ${SCOPED_OU} OU sees and changes only what lies within it`, async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const ada = await signedIn(browser, "ada.admin");
  const wide = await write(ada, "/api/admin/tokens", { name: "org-wide-ci", role: "viewer", scope: "all", expiresInDays: 1 });
  expect(wide.status()).toBe(201);
  const wideId = (await wide.json()).id as string;

  const sam = await signedIn(browser, "sam.scopedadmin");
  await expect(sam.getByTestId("signed-in-role")).toHaveText(/admin/i);

  // Tokens: the whole-organization one is not listed, and cannot be revoked or made by sam.
  await sam.goto("/admin/tokens");
  await expect(sam.getByTestId("tokens-scoped-note")).toBeVisible();
  // The form does not offer what would be refused.
  await expect(sam.getByTestId("token-form").locator('select[name="scopeKind"] option[value="all"]')).toHaveCount(0);
  await expect(sam.getByTestId("tokens-table")).not.toContainText("org-wide-ci");
  const refused = await write(sam, "/api/admin/tokens", { name: "sam-all", role: "viewer", scope: "all", expiresInDays: 1 });
  expect(refused.status()).toBe(403);
  expect(JSON.stringify(await refused.json())).toContain("scope");
  expect((await write(sam, `/api/admin/tokens/${wideId}/revoke`, {})).status()).toBe(403);
  const own = await write(sam, "/api/admin/tokens", { name: "sam-prod", role: "viewer", scope: { ous: [SCOPED_OU] }, expiresInDays: 1 });
  expect(own.status()).toBe(201);
  await sam.reload();
  const row = sam.getByTestId("tokens-table").locator("tr", { hasText: "sam-prod" });
  await expect(row).toContainText(/\d+ accounts?/);

  // Access: the whole-organization mapping is not listed; the OU's own is.
  await sam.goto("/admin/access");
  await expect(sam.getByTestId("mappings-scoped-note")).toBeVisible();
  await expect(sam.getByTestId("mapping-table")).toContainText("prod-viewers");
  await expect(sam.getByTestId("mapping-table")).not.toContainText("inspectorate-admins");

  // Alerts: channels are shared, changed by whole-organization admins only.
  await sam.goto("/admin/alerts");
  await expect(sam.getByTestId("channels-scoped-note")).toBeVisible();
  await expect(sam.getByRole("button", { name: "Save channel" })).toHaveCount(0);
  await expect(sam.getByTestId("rule-form").locator('select[name="scopeKind"]')).toHaveValue("ous");
  await expect(sam.getByTestId("rule-form").locator('select[name="scopeKind"] option[value="all"]')).toHaveCount(0);
  // Nothing made yet on this server: a sentence each, not column headers with nothing under them.
  await expect(sam.getByTestId("channels-empty")).toHaveText("No channels yet.");
  await expect(sam.getByTestId("rules-empty")).toHaveText("No rules yet.");
  await expect(sam.locator("th")).toHaveCount(0);

  // Audit: not a shorter list but no list, said on the page and by the export.
  await sam.goto("/admin/audit");
  await expect(sam.getByTestId("audit-no-access")).toContainText("whole-organization admins");
  const exported = await sam.request.get("/api/admin/audit");
  expect(exported.status()).toBe(403);
  expect(await exported.text()).toContain("whole-organization admins");

  // The whole-organization admin still sees both tokens and the audit trail.
  await ada.goto("/admin/tokens");
  await expect(ada.getByTestId("tokens-table")).toContainText("org-wide-ci");
  await expect(ada.getByTestId("tokens-table")).toContainText("sam-prod");
  await expect(ada.getByTestId("token-form").locator('select[name="scopeKind"] option[value="all"]')).toHaveCount(1);

  // The pages as sam sees them, at desktop and phone width: nothing scrolls the page sideways.
  const phone = await signedIn(browser, "sam.scopedadmin", 390);
  for (const [page, width] of [[sam, 1440], [phone, 390]] as const) {
    for (const path of ["/admin/tokens", "/admin/access", "/admin/alerts", "/admin/audit"]) {
      await page.goto(path);
      expect({ path, width, ...(await sidewaysOverflow(page)) }).toMatchObject({ path, width, overflow: 0 });
      await attachScreenshot(page, testInfo, `scoped-admin${path.replace(/\//g, "-")}-${width}`);
    }
  }

  // Leave no live token behind.
  for (const id of [wideId, (await own.json()).id as string]) expect((await write(ada, `/api/admin/tokens/${id}/revoke`, {})).status()).toBe(200);
  for (const p of [ada, sam, phone]) await p.context().close();
});
