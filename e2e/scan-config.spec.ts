import { expect, test, type Page } from "@playwright/test";
import { attachScreenshot } from "./screenshots";
import { sidewaysOverflow } from "./layout-probe";

// Scan configuration, cost and code security on the demo organization (the emulator's auto-enable
// gap, its suspended ECR scan type, usage with cost and code repositories with snippets).

async function atPhoneWidth(page: Page, name: string, testInfo: Parameters<typeof attachScreenshot>[1]) {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const layout = await sidewaysOverflow(page);
  expect(layout.overflow, `what is wider than the window: ${layout.culprits.join(" > ")}`).toBeLessThanOrEqual(0);
  await attachScreenshot(page, testInfo, `${name}-390`);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("the coverage page leads with what will stop being scanned", async ({ page }, testInfo) => {
  await page.goto("/coverage");
  const warnings = page.getByTestId("scan-config-warnings");
  await expect(warnings).toBeVisible();
  await expect(warnings).toContainText("Auto-enable is off for Lambda code in eu-west-1: new accounts will not be scanned");
  await expect(warnings).toContainText("Auto-enable is off for Code repository in us-east-1");
  await expect(warnings.locator("li[data-level=critical]").filter({ hasText: /ECR scanning is suspended in account .* \(\d{12}\) in / })).toHaveCount(1);
  // It comes before everything else on the page.
  const first = page.locator("main section").first();
  await expect(first).toContainText("What will go wrong next");
  await expect(page.getByTestId("code-repositories")).toContainText("acme-corp/payments-api");
  await attachScreenshot(page, testInfo, "scan-config-coverage");
  await atPhoneWidth(page, "scan-config-coverage", testInfo);
});

test("Inspector's cost per account and in total", async ({ page }, testInfo) => {
  await page.goto("/accounts");
  const table = page.getByTestId("accounts-table");
  await expect(table.getByRole("columnheader", { name: "Est. cost / mo" })).toBeVisible();
  const costs = await table.locator("td[data-cost]").allInnerTexts();
  expect(costs.filter((c) => /^\$\d[\d,]*\.\d\d$/.test(c)).length).toBeGreaterThan(3);
  expect(costs.every((c) => c === "—" || /^\$/.test(c))).toBe(true);
  await attachScreenshot(page, testInfo, "scan-config-accounts-cost");
  await atPhoneWidth(page, "scan-config-accounts-cost", testInfo);
  await page.goto("/");
  await expect(page.getByTestId("cost-total")).toHaveText(/^\$\d[\d,]*\.\d\d$/);
});

test("a repository code finding shows its file, lines and Inspector's snippet", async ({ page, request }, testInfo) => {
  const api = await request.get("/api/findings?type=CODE_VULNERABILITY&limit=200");
  expect(api.ok()).toBe(true);
  const rows = (await api.json()).rows as { arn: string; title: string }[];
  const finding = rows.find((r) => r.title === "SQL injection");
  expect(finding, "the demo's repository SAST finding").toBeTruthy();
  await page.goto(`/findings/${encodeURIComponent(finding!.arn)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("SQL injection");
  await expect(page.getByText("src/orders/repository.py", { exact: true })).toBeVisible();
  await expect(page.getByText("acme-corp/payments-api").first()).toBeVisible();
  const snippet = page.getByTestId("code-snippet");
  await expect(snippet).toContainText("cursor.execute");
  await expect(snippet.locator("[data-flagged]").first()).toContainText("42");
  await snippet.scrollIntoViewIfNeeded();
  await attachScreenshot(page, testInfo, "scan-config-code-finding");
  await atPhoneWidth(page, "scan-config-code-finding", testInfo);
});

test("an account shows its latest CIS scan's failed checks and its cost", async ({ page }, testInfo) => {
  await page.goto("/accounts");
  await page.getByTestId("accounts-table").locator("tbody tr").first().getByRole("link").first().click();
  const cis = page.getByTestId("account-cis");
  await expect(cis).toContainText("weekly-cis-level1");
  await expect(cis).toContainText(/\d+ failed of \d+ checks/);
  await expect(page.getByTestId("account-cost")).toContainText(/Inspector cost: (\$\d[\d,]*\.\d\d|—) \/ month/);
  await attachScreenshot(page, testInfo, "scan-config-account-cis");
});

test("the review adds the CIS section on request, and its account table has the cost", async ({ page }, testInfo) => {
  test.setTimeout(150_000); // the review is the heaviest page to compute
  await page.goto("/review");
  const add = page.getByRole("link", { name: "Add the CIS benchmark section" });
  const href = await add.getAttribute("href");
  expect(href).toMatch(/[?&]cis=1#cis$/);
  await page.goto(href!); // the review is heavy to compute: load it directly rather than wait on a client navigation
  await expect(page.getByTestId("review-cis").locator("tbody tr").first()).toContainText(/\d+ of \d+/);
  await expect(page.getByTestId("sla-by-account").getByRole("columnheader", { name: "Cost / mo" })).toBeVisible();
  const shot = await page.locator("#cis").screenshot({ path: "test-results/screenshots/scan-config-review-cis.png" });
  await testInfo.attach("scan-config-review-cis", { body: shot, contentType: "image/png" });
});
