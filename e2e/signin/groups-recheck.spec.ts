// Groups changed at the identity provider reach a signed-in session without signing in again: the
// signed-in app rechecks every 3 s here (INSPECTORATE_OIDC_GROUPS_RECHECK_SECONDS in playwright.config.ts)
// through the refresh token the test provider gave at sign-in. A user the provider disables loses the
// session at the next recheck. The provider is changed as an admin would change it (test-idp.ts).
import { expect, test, type Browser, type Page } from "@playwright/test";
import { attachScreenshot } from "../screenshots";
import { sessionCookie, signIn } from "./sign-in";

const atProvider = async (login: string, change: { groups?: string[]; disabled?: boolean }) => {
  const r = await fetch(`${process.env.E2E_IDP_URL}/test-control/users/${login}`, { method: "POST", body: JSON.stringify(change) });
  expect(r.status).toBe(200);
};

async function signedIn(browser: Browser, login: string, path = "/accounts"): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signIn(page, login, path);
  return page;
}

test("a group granted, then taken away at the provider, changes the signed-in user's role within a recheck", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const gus = await signedIn(browser, "gus.groupchange");
  await expect(gus.getByTestId("signed-in-role")).toHaveText(/viewer/i);
  const admin = await signedIn(browser, "ada.admin", "/admin/access");
  await expect(admin.locator('[data-user="gus.groupchange@example.com"] [data-testid="user-role"]')).toHaveText("viewer");

  // Promoted at the provider: the same session becomes an admin's, with no sign-in in between.
  await atProvider("gus.groupchange", { groups: ["inspectorate-admins"] });
  await expect.poll(async () => {
    await gus.goto("/accounts");
    return (await gus.getByTestId("signed-in-role").textContent())?.trim().toLowerCase();
  }, { timeout: 30_000, intervals: [1_000] }).toContain("admin");
  expect(new URL(gus.url()).pathname).toBe("/accounts");
  await gus.goto("/admin/access");
  await expect(gus.getByRole("heading", { name: "Access" })).toBeVisible();

  // The change is on the record, with both lists of groups.
  await admin.goto("/admin/audit?action=sign_in.groups_changed");
  await expect(admin.getByTestId("audit-table")).toContainText("groups everyone, org-viewers → inspectorate-admins");
  await attachScreenshot(admin, testInfo, "audit-groups-changed");
  // At phone width the row's detail (both lists) is on screen whole, not off to the right of a scrolled table.
  await admin.setViewportSize({ width: 390, height: 844 });
  await expect(admin.getByTestId("audit-table").locator('td[data-label="Detail"]').first()).toBeInViewport({ ratio: 1 });
  await attachScreenshot(admin, testInfo, "audit-groups-changed-390");
  await admin.setViewportSize({ width: 1440, height: 900 });

  // Every mapped group taken away: the next page after a recheck is not his; signing in again says why.
  await atProvider("gus.groupchange", { groups: ["contractors"] });
  await expect.poll(async () => {
    const r = await gus.request.get("/api/findings?limit=1", { maxRedirects: 0 });
    return r.status();
  }, { timeout: 30_000, intervals: [1_000] }).toBe(401);
  await gus.goto("/accounts");
  await expect(gus.getByRole("heading", { name: "No access" })).toBeVisible();
  await expect(gus.getByText("none of your groups is given a role in Inspectorate")).toBeVisible();
  await atProvider("gus.groupchange", { groups: ["org-viewers", "everyone"] });
  for (const p of [gus, admin]) await p.context().close();
});

test("a user disabled at the provider loses the session at the next recheck, on the record", async ({ browser, baseURL, playwright }) => {
  test.setTimeout(180_000);
  const dora = await signedIn(browser, "dora.disabled");
  await expect(dora.getByTestId("signed-in-role")).toHaveText(/viewer/i);
  const cookie = (await sessionCookie(dora))!;

  await atProvider("dora.disabled", { disabled: true });
  await expect.poll(async () => (await dora.request.get("/api/findings?limit=1", { maxRedirects: 0 })).status(), { timeout: 30_000, intervals: [1_000] }).toBe(401);
  // The session itself is gone, not only this answer: re-enabled at the provider, the old cookie stays dead.
  await atProvider("dora.disabled", { disabled: false });
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` } });
  expect((await replay.get("/api/findings?limit=1", { maxRedirects: 0 })).status()).toBe(401);
  await replay.dispose();

  const admin = await signedIn(browser, "ada.admin", "/admin/audit?action=sign_in.ended_by_provider");
  await expect(admin.getByTestId("audit-table")).toContainText("dora.disabled@example.com");
  await expect(admin.getByTestId("audit-table")).toContainText("the identity provider refused the refresh: invalid_grant");
  for (const p of [dora, admin]) await p.context().close();
});
