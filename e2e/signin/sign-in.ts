// Drives the real redirect flow: the app sends the browser to the test provider, whose
// development login form takes any password, then (first time in a browser) asks for consent.
import { expect, test, type Page } from "@playwright/test";
import { SESSION_COOKIE } from "../../lib/auth/session-cookie-name";

/** Signs in; unless told the user has no access, returns once an app page (not /auth/…) has loaded. */
export async function signIn(page: Page, login: string, path = "/", { lands = true } = {}) {
  await page.goto(path);
  await expect(page.locator('input[name="login"]')).toBeVisible();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await continuePastConsent(page);
  if (lands) await landed(page);
}

export async function landed(page: Page) {
  const app = new URL(test.info().project.use.baseURL!).origin;
  await page.waitForURL((u) => u.origin === app && !u.pathname.startsWith("/auth/"), { timeout: 30_000 });
  await page.waitForLoadState("load");
}

/** Clicks the provider's consent button when it asks; returns once the browser is back on the app. */
export async function continuePastConsent(page: Page) {
  const app = new URL(test.info().project.use.baseURL!).origin;
  const consent = page.getByRole("button", { name: "Continue" });
  await expect.poll(async () => (new URL(page.url()).origin === app ? "app" : (await consent.isVisible()) ? "consent" : "waiting"), { timeout: 20_000 }).not.toBe("waiting");
  if (new URL(page.url()).origin !== app) await consent.click();
}

export async function sessionCookie(page: Page) {
  return (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE);
}
