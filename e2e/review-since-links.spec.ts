import { expect, test, type Page } from "@playwright/test";
import { attachScreenshot } from "./screenshots";

// "Since the last review" as a meeting uses it: each group's count is a link, and the explorer it
// opens must hold as many findings as the group counts. The links carry the window's instants
// (previous meeting, this meeting]: links rounded to whole days, or open-ended, opened more.
const groups = ["newCriticalHigh", "fixed", "removed", "reopened", "becameExploitable"] as const;
const toNumber = (s: string) => Number(s.replace(/[^0-9]/g, ""));

async function explorerTotal(page: Page): Promise<string> {
  const total = page.getByTestId("findings-total");
  await expect(total).not.toContainText("Loading");
  await expect(total).not.toContainText("updating");
  return (await total.innerText()).trim();
}

test("each 'since the last review' count opens the explorer on exactly that many findings, and the window survives editing the filter", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  await page.goto("/review");
  await expect(page.getByRole("heading", { level: 1, name: "Weekly review" })).toBeVisible();
  const since = page.getByTestId("since-newCriticalHigh");
  await expect(since).toBeVisible({ timeout: 60_000 });

  const opened: Record<string, number> = {};
  for (const key of groups) {
    const link = page.getByTestId(`since-${key}-count`);
    if (!(await link.count())) continue; // "removed" shows only where the cache tells closures apart
    const text = (await link.innerText()).trim();
    expect(text, `${key} has a count, not "—": the demo syncs inside the window`).toMatch(/^\d[\d,]*$/);
    const count = toNumber(text);
    const href = (await link.getAttribute("href"))!;
    // The window as instants, both ends.
    expect(href).toMatch(/From=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\d\.\d{3}Z/);
    expect(href).toMatch(/To=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\d\.\d{3}Z/);
    await page.goto(href);
    const total = await explorerTotal(page);
    expect({ key, total }).toEqual({ key, total: `${count.toLocaleString("en-US")} findings` });
    opened[key] = count;
    await page.goBack();
    await expect(page.getByTestId(`since-${key}-count`)).toBeVisible();
  }
  // The demo's last week has new critical and high findings, or this test proves little.
  expect(opened.newCriticalHigh).toBeGreaterThan(0);

  // The explorer reads the window back in words, and keeps it when another filter is applied.
  await page.goto((await page.getByTestId("since-newCriticalHigh-count").getAttribute("href"))!);
  const before = await explorerTotal(page);
  const chips = page.getByLabel("Active filters");
  await expect(chips).toContainText(/First seen after:\s*\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d(:\d\d)? UTC/);
  await expect(chips).toContainText(/First seen until:\s*\d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d(:\d\d)? UTC/);
  const from = new URL(page.url()).searchParams.get("firstSeenFrom");
  const field = page.getByLabel("First seen from");
  await expect(field).toHaveValue(from!);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL((u) => u.searchParams.get("firstSeenFrom") === from && u.searchParams.has("firstSeenTo"));
  expect(await explorerTotal(page)).toBe(before);
  await attachScreenshot(page, testInfo, "review-since-link-explorer");

  // A day typed over the instant is a whole day again.
  await field.fill("2020-01-01");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL((u) => u.searchParams.get("firstSeenFrom") === "2020-01-01");
  await expect(chips).toContainText(/First seen ≥:\s*2020-01-01/);
});
