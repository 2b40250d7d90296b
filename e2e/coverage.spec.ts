import { expect, test } from "@playwright/test";
import { attachScreenshot } from "./screenshots";

test("a coverage reason drills into its resources, with the cause and fix", async ({ page }, testInfo) => {
  await page.goto("/coverage");
  await expect(page.getByTestId("coverage-matrix")).toBeVisible();
  await attachScreenshot(page, testInfo, "coverage");

  const reason = page.getByTestId("reason-list").locator("li[data-reason]").first();
  const code = await reason.getAttribute("data-reason");
  const link = reason.getByRole("link").first();
  const count = Number((await link.innerText()).split("·")[0].replace(/[^\d]/g, ""));
  expect(count).toBeGreaterThan(0);
  await link.click();

  await expect(page).toHaveURL(new RegExp(`/coverage/resources\\?reason=${code}$`));
  await expect(page.getByText(`${count} resources`, { exact: false })).toBeVisible();
  await expect(page.getByTestId("reason-explanation")).toContainText("Cause:");
  await expect(page.getByTestId("reason-explanation")).toContainText(code!);
  await expect(page.getByTestId("coverage-resources").locator("tbody tr")).toHaveCount(Math.min(count, 100));
  await attachScreenshot(page, testInfo, "coverage-resources");
});
