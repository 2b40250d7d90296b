import { expect, test } from "@playwright/test";
import { continuePastConsent, landed, sessionCookie, signIn } from "./sign-in";

test("signs in through the provider, shows who and their role, and signs out (the session is gone)", async ({ page, playwright, baseURL }) => {
  await signIn(page, "ada.admin");
  await expect(page.getByTestId("signed-in-as")).toContainText("ada.admin@example.com");
  await expect(page.getByTestId("signed-in-role")).toHaveText(/admin/i);
  const cookie = (await sessionCookie(page))!;
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(cookie.value).toMatch(/^[\w-]{43}$/);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Signed out" })).toBeVisible();
  expect(await sessionCookie(page)).toBeUndefined();
  // The old cookie, replayed, no longer opens anything: the session row was deleted.
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${cookie.name}=${cookie.value}` } });
  const res = await replay.get("/api/findings?limit=1", { maxRedirects: 0 });
  expect(res.status()).toBeGreaterThanOrEqual(300);
  expect(res.status()).not.toBe(200);
  await replay.dispose();
});

test("an expired session sends the browser back through sign-in", async ({ page, playwright, baseURL }) => {
  test.setTimeout(200_000);
  await signIn(page, "vic.viewer");
  const first = (await sessionCookie(page))!;
  await page.goto("about:blank"); // nothing on the page keeps the session alive
  // The signed-in test app's idle limit is 90 seconds (short enough to wait out, long enough that
  // the other tests' sessions survive a slow machine).
  await page.waitForTimeout(95_000);
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${first.name}=${first.value}` } });
  const res = await replay.get("/accounts", { maxRedirects: 0 });
  expect(res.status()).toBe(307);
  expect(res.headers().location).toContain("/auth/signin");
  await replay.dispose();

  const through: string[] = [];
  page.on("request", (r) => through.push(new URL(r.url()).pathname));
  await page.goto("/accounts");
  await continuePastConsent(page);
  await landed(page);
  await expect(page.getByTestId("signed-in-as")).toContainText("vic.viewer@example.com");
  expect(through).toContain("/auth/signin");
  expect((await sessionCookie(page))!.value).not.toBe(first.value);
});

test("a user whose groups map to no role gets a clear no-access page, and no session", async ({ page }) => {
  const answers: number[] = [];
  page.on("response", (r) => {
    if (new URL(r.url()).pathname === "/auth/callback") answers.push(r.status());
  });
  await signIn(page, "nina.nogroups", "/", { lands: false });
  await expect(page.getByRole("heading", { name: "No access" })).toBeVisible();
  await expect(page.getByText("nina.nogroups@example.com")).toBeVisible();
  await expect(page.getByText(/none of your groups is given a role/)).toBeVisible();
  expect(answers).toEqual([403]);
  expect(await sessionCookie(page)).toBeUndefined();
});

test("a callback without the sign-in that started it is refused", async ({ page }) => {
  const res = await page.goto("/auth/callback?code=forged&state=forged");
  expect(res?.status()).toBe(400);
  await expect(page.getByRole("heading", { name: "Sign-in expired" })).toBeVisible();
});
