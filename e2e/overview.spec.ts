import { expect, test } from "@playwright/test";
import { attachScreenshot } from "./screenshots";

test("the heatmap's critical cell for an account opens the explorer with exactly that many findings", async ({ page }, testInfo) => {
  await page.goto("/");
  const heatmap = page.getByTestId("heatmap");
  await expect(heatmap).toBeVisible();
  await expect(page.getByTestId("tile-critical")).toBeVisible();
  await attachScreenshot(page, testInfo, "overview");

  // The first account row (sorted by critical) with a non-zero critical count.
  const cell = heatmap.locator('tr[data-account] a[data-severity="CRITICAL"]').filter({ hasNotText: /^0$/ }).first();
  const count = Number((await cell.innerText()).replace(/,/g, ""));
  const account = await cell.locator("xpath=ancestor::tr").getAttribute("data-account");
  expect(count).toBeGreaterThan(0);
  // The cells are plain links the table routes client-side: a marker on the page survives the click.
  await page.evaluate(() => ((window as unknown as { heatmapMarker: number }).heatmapMarker = 1));
  await cell.click();

  await expect(page).toHaveURL(new RegExp(`/findings\\?account=${account}&severity=CRITICAL$`));
  expect(await page.evaluate(() => (window as unknown as { heatmapMarker?: number }).heatmapMarker)).toBe(1);
  await expect(page.getByTestId("findings-total")).toContainText(`${count} findings`);
  const rows = page.getByTestId("findings-table").locator("tbody tr");
  await expect(rows).toHaveCount(Math.min(count, 50));
  for (const badge of await rows.locator("td:first-child").allInnerTexts()) expect(badge).toBe("Critical");
  await attachScreenshot(page, testInfo, "findings-explorer");
});

test("heatmap cells are reachable and movable with the keyboard, sort and grouping stay in the URL", async ({ page }) => {
  await page.goto("/");
  const first = page.locator('[data-testid="heatmap"] a[data-row="0"][data-col="0"]');
  // Retried until the heatmap has hydrated and handles the arrow keys.
  await expect(async () => {
    await first.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.locator('[data-testid="heatmap"] a[data-row="0"][data-col="1"]')).toBeFocused({ timeout: 500 });
  }).toPass();
  await page.keyboard.press("ArrowDown");
  await expect(page.locator('[data-testid="heatmap"] a[data-row="1"][data-col="1"]')).toBeFocused();

  await page.getByRole("radio", { name: "OU", exact: true }).click();
  await expect(page).toHaveURL(/group=ou/);
  await page.getByRole("radio", { name: "High", exact: true }).click();
  await expect(page).toHaveURL(/sort=high/);
  await page.reload();
  await expect(page.getByRole("radio", { name: "OU", exact: true })).toHaveAttribute("aria-checked", "true");
});
