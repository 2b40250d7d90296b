import { expect, test } from "@playwright/test";
import { navItems } from "../components/shell/nav-items";

test.use({ viewport: { width: 390, height: 844 } });

test("on a phone the navigation is a menu button that opens and closes from the keyboard", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  const button = nav.getByRole("button", { name: "Menu" });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(nav.getByRole("link", { name: "Findings", exact: true })).toBeHidden();

  // Keyboard only: focus the button, open with Enter, walk into the links, close with Escape.
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(button).toHaveAttribute("aria-expanded", "true");
  for (const item of navItems) await expect(nav.getByRole("link", { name: item.label, exact: true })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: navItems[0].label, exact: true })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(button).toHaveAttribute("aria-expanded", "false");
  await expect(button).toBeFocused();
  await expect(nav.getByRole("link", { name: "Findings", exact: true })).toBeHidden();

  // Space opens it too; following a link closes it on the new page.
  await page.keyboard.press("Space");
  await nav.getByRole("link", { name: "Coverage", exact: true }).click();
  await expect(page).toHaveURL(/\/coverage$/);
  await expect(page.getByRole("heading", { level: 1, name: "Coverage" })).toBeVisible();
  await expect(button).toHaveAttribute("aria-expanded", "false");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test("at desktop width the links are shown and there is no menu button", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("button", { name: "Menu" })).toBeHidden();
  for (const item of navItems) await expect(nav.getByRole("link", { name: item.label, exact: true })).toBeVisible();
});
