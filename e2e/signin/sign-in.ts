// Drives the real redirect flow: the app sends the browser to the test provider, whose
// development login form takes any password, then (first time in a browser) asks for consent.
import { expect, test, type Page } from "@playwright/test";
import { SESSION_COOKIE } from "../../lib/auth/session-cookie-name";

export async function signIn(page: Page, login: string, path = "/") {
  await page.goto(path);
  await expect(page.locator('input[name="login"]')).toBeVisible();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await continuePastConsent(page);
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
