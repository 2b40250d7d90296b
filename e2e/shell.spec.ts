import { expect, test } from "@playwright/test";
import { navItems } from "../components/shell/nav-items";

test("the shell answers with every navigation entry, marked as demo data", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const item of navItems) {
    await expect(nav.getByRole("link", { name: item.label, exact: true })).toBeVisible();
  }
  await expect(page.getByTestId("demo-badge")).toHaveText("Demo data");
  for (const item of navItems) {
    await nav.getByRole("link", { name: item.label, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`${item.href === "/" ? "/$" : item.href}`));
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
});
