import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

test("an admin maps a group in the app: its member gets in with that scope; others can't reach the page", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const viewer = await (await browser.newContext({ baseURL })).newPage();
  await signIn(viewer, "vic.viewer");
  expect((await viewer.goto("/admin/access"))?.status()).toBe(404);
  await expect(viewer.getByRole("link", { name: "Access" })).toHaveCount(0);

  const admin = await (await browser.newContext({ baseURL })).newPage();
  await signIn(admin, "ada.admin");
  await admin.getByRole("link", { name: "Access" }).click();
  await expect(admin.getByRole("heading", { name: "Access" })).toBeVisible();
  await expect(admin.getByTestId("mapping-table")).toContainText("prod-viewers");
  await expect(admin.locator('[data-user="vic.viewer@example.com"] [data-testid="user-role"]')).toHaveText("viewer");

  const form = admin.getByTestId("mapping-form");
  await form.locator('input[name="group"]').fill("contractors");
  await form.locator('select[name="scopeKind"]').selectOption("owners");
  await form.locator('input[name="scopeValues"]').fill("no-such-team");
  await form.getByRole("button", { name: "Save mapping" }).click();
  await expect(admin.getByRole("status")).toContainText("Saved the mapping of contractors");
  await expect(admin.getByTestId("mapping-table")).toContainText("owner/team no-such-team");

  // The contractor now signs in (no "no access" page) and sees no account at all.
  const nina = await (await browser.newContext({ baseURL })).newPage();
  await signIn(nina, "nina.nogroups", "/accounts");
  await expect(nina.getByTestId("signed-in-role")).toHaveText(/viewer/i);
  expect(((await (await nina.request.get("/api/findings?limit=1")).json()) as { total: number }).total).toBe(0);

  await admin.reload();
  await expect(admin.locator('[data-user="nina.nogroups@example.com"] [data-testid="user-role"]')).toHaveText("viewer");
  await admin.getByTestId("mapping-table").locator("tr", { hasText: "contractors" }).getByRole("button", { name: "Remove" }).click();
  await expect(admin.getByRole("status")).toContainText("Removed the app's mapping of contractors");
  // Removing the mapping takes effect on her next request: the guard answers the API with 401.
  expect((await nina.request.get("/api/findings?limit=1", { maxRedirects: 0 })).status()).toBe(401);
  for (const p of [viewer, admin, nina]) await p.context().close();
});
