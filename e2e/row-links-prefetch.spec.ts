// A table's row links do not ask the server for their pages in advance. Next's <Link> prefetches
// every link that scrolls into view: a 100-row accounts page would send up to 700 requests (seven
// links a row) from one viewer. The main navigation's few links still prefetch; a click on a row
// still navigates client-side.
import { expect, test, type Page } from "@playwright/test";

/** A link's or request's path and query, less Next's cache-busting `_rsc`, decoded alike. */
function normal(href: string): string {
  const url = new URL(href, "http://app");
  url.searchParams.delete("_rsc");
  return decodeURIComponent(`${url.pathname}${url.search}`);
}

/** The paths the router prefetched. */
function prefetches(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r) => {
    if (r.headers()["next-router-prefetch"]) seen.push(normal(r.url()));
  });
  return seen;
}

const tables = ["/", "/accounts", "/coverage", "/coverage/resources", "/findings", "/findings?group=cve", "/review", "/sync"];

for (const path of tables) {
  test(`${path}: the table's row links do not prefetch`, async ({ page }) => {
    const seen = prefetches(page);
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Every row in view once, as a reader scrolling the page would bring it.
    await page.evaluate(async () => {
      for (let y = 0; y < document.body.scrollHeight; y += window.innerHeight / 2) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 30));
      }
    });
    await page.waitForLoadState("networkidle");
    const rowHrefs = new Set(await page.locator("main table a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!)).then((hrefs) => hrefs.map(normal)));
    expect(rowHrefs.size, `${path} has row links to check`).toBeGreaterThan(0);
    expect(seen.filter((p) => rowHrefs.has(p)), `${path}: row links prefetched`).toEqual([]);
    // The check sees prefetches at all: the main navigation's links still make them.
    expect(seen.length, `${path}: no prefetch seen, not even the navigation's`).toBeGreaterThan(0);
  });
}
