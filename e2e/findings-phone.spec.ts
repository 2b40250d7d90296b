import { expect, test, type Page } from "@playwright/test";
import { attachScreenshot } from "./screenshots";

/** The first row of a list at a phone's `width`, shown as a card (a grid), the list's box
 *  (ScrollArea) not scrolling sideways. */
async function firstCard(page: Page, width: number, url: string, testId: string) {
  await page.setViewportSize({ width, height: 844 });
  await page.goto(url);
  const table = page.getByTestId(testId);
  const row = table.locator("tbody tr").first();
  await expect(row).toBeVisible();
  const box = await table.evaluate((e) => ({ scroll: e.parentElement!.scrollWidth, client: e.parentElement!.clientWidth }));
  expect(box.scroll).toBeLessThanOrEqual(box.client);
  expect(await row.evaluate((e) => getComputedStyle(e).display)).toBe("grid");
  return row;
}

// On a phone the explorer's rows are cards: nothing scrolls sideways inside the list, and a
// finding's title gets most of the width (in the table it was squeezed to a few characters a line).
for (const width of [320, 390]) {
  test(`at ${width} px the findings list is cards, with the title across most of the width`, async ({ page }) => {
    const row = await firstCard(page, width, "/findings?severity=CRITICAL", "findings-table");
    await expect(page.getByRole("region", { name: /Findings \(scrolls sideways\)/ })).toHaveCount(0);
    const title = await row.locator("td").nth(3).locator("a").first().boundingBox();
    expect(title!.width).toBeGreaterThan(width * 0.4);
    // Score, EPSS and age say what they are, the column headers being hidden (the label is the
    // cell's data-label shown before it, so read as a screen reader does: the cell's name).
    await expect(row.locator("td").nth(1)).toHaveAccessibleName(/^Score \d+\.\d$|^Score —$/);
    await expect(row.locator("td").nth(2)).toHaveAccessibleName(/^EPSS (\d+(\.\d)?%|<0\.1%|—)$/);
    await expect(row.locator("td").nth(6)).toHaveAccessibleName(/^Age \d+ ?[a-z]+$/);
  });
}

// The groups too: every count of a group, Accounts and Max score included, is on screen without
// scrolling sideways, and says what it counts.
for (const width of [320, 390]) {
  test(`at ${width} px the explorer's groups are cards, every count on screen and labelled`, async ({ page }, testInfo) => {
    const row = await firstCard(page, width, "/findings?group=cve&severity=CRITICAL", "group-table");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const cells = row.locator("td");
    const labels = ["Findings", "Critical", "High", "Exploitable", "Accounts", "Max score"];
    for (const [i, label] of labels.entries()) {
      const cell = cells.nth(i + 1);
      await expect(cell).toHaveAccessibleName(new RegExp(`^${label} (\\d[\\d,]*|·|\\d+\\.\\d|—)$`));
      const b = await cell.boundingBox();
      expect(b!.x + b!.width, label).toBeLessThanOrEqual(width);
    }
    // The same numbers as the desktop table's columns.
    const phone = await Promise.all(labels.map((_, i) => cells.nth(i + 1).innerText()));
    await row.scrollIntoViewIfNeeded();
    await attachScreenshot(page, testInfo, `findings-grouped-${width}`);
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(row).toHaveCSS("display", "table-row");
    expect(await Promise.all(labels.map((_, i) => cells.nth(i + 1).innerText()))).toEqual(phone);
    for (const [i, label] of labels.entries()) await expect(cells.nth(i + 1), label).toHaveAccessibleName(phone[i]); // no label here: the header names the column
  });
}

test("at 1440 px the findings list is a table with sortable headers", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/findings?severity=CRITICAL");
  const row = page.getByTestId("findings-table").locator("tbody tr").first();
  await expect(row).toBeVisible();
  expect(await row.evaluate((e) => getComputedStyle(e).display)).toBe("table-row");
  await expect(page.getByRole("columnheader", { name: /Score/ })).toBeVisible();
  await expect(row.locator("td").nth(1)).toHaveAccessibleName(/^\d+\.\d$|^—$/); // the phone's "Score " label not shown
});
