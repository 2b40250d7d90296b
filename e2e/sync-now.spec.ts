import { expect, test } from "@playwright/test";

test("Sync now starts a run from the browser and lists it when it finishes", async ({ page }) => {
  await page.goto("/sync");
  const runs = page.getByTestId("sync-runs");
  const before = await runs.locator("tbody tr").count();
  const button = page.getByRole("button", { name: "Sync now" });
  await button.click();
  // The run is listed once it has finished (the panel refreshes the page when polling sees it end).
  await expect(runs.locator("tbody tr")).toHaveCount(before + 1, { timeout: 60_000 });
  const newest = runs.locator("tbody tr").first();
  await expect(newest).toContainText(`#${before + 1}`);
  await expect(newest).toContainText("incremental"); // the first sync was the full one
  await expect(newest).toContainText("succeeded");
  await expect(button).toBeEnabled();
});
