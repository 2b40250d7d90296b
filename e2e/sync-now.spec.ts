import { expect, test } from "@playwright/test";

test("Sync now starts a run from the browser and lists it when it finishes", async ({ page }) => {
  await page.goto("/sync");
  const runs = page.getByTestId("sync-runs");
  const newest = runs.locator("tbody tr").first();
  // The list is newest first (and capped), so the new run shows as a higher run number on top.
  const runNumber = async () => Number((await newest.innerText()).match(/#(\d+)/)?.[1] ?? 0);
  const before = await runNumber();
  const button = page.getByRole("button", { name: "Sync now" });
  await button.click();
  // The run is listed once it has finished (the panel refreshes the page when polling sees it end).
  await expect.poll(runNumber, { timeout: 60_000 }).toBeGreaterThan(before);
  await expect(newest).toContainText("incremental"); // the first sync was the full one
  await expect(newest).toContainText("succeeded");
  await expect(button).toBeEnabled();
});

test("the selected run's notes are on the Sync page, under their kind", async ({ page }) => {
  await page.goto("/sync");
  const notes = page.getByTestId("sync-notes");
  await expect(notes.getByText("Demo", { exact: true })).toBeVisible();
  await expect(notes).toContainText("Demo data: synced from the bundled emulator's demo organization");
});
