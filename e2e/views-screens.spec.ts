import { expect, test } from "@playwright/test";
import { attachScreenshot } from "./screenshots";

test("accounts, an account page, grouping and the sync page render with data", async ({ page }, testInfo) => {
  await page.goto("/accounts");
  await expect(page.getByTestId("accounts-table")).toBeVisible();
  await attachScreenshot(page, testInfo, "accounts");

  await page.getByTestId("accounts-table").locator("tbody tr a").first().click();
  await expect(page).toHaveURL(/\/accounts\/\d{12}$/);
  await expect(page.getByTestId("regions-table")).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  await attachScreenshot(page, testInfo, "account");

  await page.goto("/findings?group=cve");
  await expect(page.getByTestId("group-table")).toBeVisible();
  await attachScreenshot(page, testInfo, "findings-grouped");
  const first = page.getByTestId("group-table").locator("tbody tr").first();
  const count = Number((await first.locator("td").nth(1).innerText()).replace(/,/g, ""));
  await first.getByRole("link").click();
  await expect(page).toHaveURL(/cve=/);
  await expect(page.getByTestId("findings-total")).toContainText(`${count} findings`);
  await attachScreenshot(page, testInfo, "findings-one-cve");

  await page.goto("/sync");
  await expect(page.getByTestId("sync-runs")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sync now" })).toBeEnabled();
  await attachScreenshot(page, testInfo, "sync");
});
