import { expect, test } from "@playwright/test";
import { attachScreenshot } from "./screenshots";

test("a finding detail shows its packages with installed and fixed-in versions", async ({ page, request }, testInfo) => {
  const api = await request.get("/api/findings?type=PACKAGE_VULNERABILITY&fix=YES&limit=1");
  expect(api.ok()).toBe(true);
  const [finding] = (await api.json()).rows as { arn: string; title: string; package_names: string[] }[];
  expect(finding).toBeTruthy();

  await page.goto(`/findings?type=PACKAGE_VULNERABILITY&fix=YES`);
  await page.getByRole("link", { name: finding.title }).first().click();
  await expect(page).toHaveURL(`/findings/${encodeURIComponent(finding.arn)}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(finding.title);

  const packages = page.getByTestId("packages");
  await expect(packages).toBeVisible();
  await expect(packages.getByText(finding.package_names[0], { exact: true })).toBeVisible();
  const installed = (await packages.getByTestId("installed-version").first().innerText()).trim();
  const fixed = (await packages.getByTestId("fixed-version").first().innerText()).trim();
  expect(installed).toMatch(/\d/);
  expect(fixed).toMatch(/\d/);
  expect(fixed).not.toBe(installed);
  // The page shows exactly what Inspector sent for the package.
  await page.getByText("Raw Inspector finding (JSON)").click();
  await expect(page.locator("pre").filter({ hasText: '"fixedInVersion"' })).toContainText(fixed.split(" ")[0]);
  await expect(page.getByTestId("status-history")).toBeVisible();
  await attachScreenshot(page, testInfo, "finding-detail");
});
