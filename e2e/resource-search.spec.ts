import { expect, test, type Page } from "@playwright/test";
import { attachScreenshot } from "./screenshots";

// The explorer's "Resource id or name" field as a user types into it: a part of an id in any case
// finds the same findings as the whole id (a lookup by key against one by the names' trigram index),
// and ":$latest" finds exactly the Lambda functions' findings (every function's id ends in it).
interface ListAnswer { rows: { arn: string; resource_id: string }[]; total: number; totalCapped: boolean }

/** Types `text` into the filter bar and submits it; the explorer must then say `total` findings (the
 *  list is replaced in place, so the old total shows until the new answer arrives). */
async function searchFor(page: Page, text: string, total: number) {
  await page.goto("/findings");
  const field = page.getByLabel("Resource id or name");
  await field.fill(text);
  await field.press("Enter");
  await expect(page).toHaveURL(new RegExp(`[?&]resource=${encodeURIComponent(text).replace(/[$]/g, "\\$")}`));
  await expect(page.getByTestId("findings-total")).toHaveText(new RegExp(`^\\s*${total.toLocaleString("en-US")} findings`));
}

const shownArns = (page: Page) => page.getByTestId("findings-table").locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-finding")));

test("a part of a resource id, in another case, finds that resource's findings", async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const one = (await (await request.get("/api/findings?resourceType=AWS_EC2_INSTANCE&limit=1")).json()) as ListAnswer;
  const id = one.rows[0].resource_id;
  expect(id).toMatch(/^i-[0-9a-f]{8,}$/);
  const byId = (await (await request.get(`/api/findings?resource=${encodeURIComponent(id)}&limit=200`)).json()) as ListAnswer;
  expect(byId.total).toBeGreaterThan(0);
  expect(byId.rows.every((r) => r.resource_id === id)).toBe(true);

  const part = id.slice(2).toUpperCase(); // the instance's hex digits, upper-cased
  await searchFor(page, part, byId.total);
  expect((await shownArns(page)).sort()).toEqual(byId.rows.map((r) => r.arn).sort());
  await attachScreenshot(page, test.info(), "resource-search-1440");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByTestId("findings-total")).toBeVisible();
  await attachScreenshot(page, test.info(), "resource-search-390");
});

test("':$latest' finds every Lambda function's findings and nothing else", async ({ page, request }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const lambdas = (await (await request.get("/api/findings?resourceType=AWS_LAMBDA_FUNCTION")).json()) as ListAnswer;
  expect(lambdas.total).toBeGreaterThan(0);
  expect(lambdas.totalCapped).toBe(false);
  await searchFor(page, ":$latest", lambdas.total);
  // The same findings in the same order (both sorted by score, then id).
  expect(await shownArns(page)).toEqual(lambdas.rows.map((r) => r.arn));
});
