import { expect, test } from "@playwright/test";
import { attachScreenshot } from "./screenshots";
import { sidewaysOverflow } from "./layout-probe";

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

test("the other open resources with a finding's CVE arrive after the finding and lead to theirs", async ({ page, request }, testInfo) => {
  const groups = await request.get("/api/findings?group=cve&type=PACKAGE_VULNERABILITY&limit=200");
  expect(groups.ok()).toBe(true);
  // A CVE on a few open findings, so every other resource fits the section's twelve rows.
  const shared = ((await groups.json()).groups as { key: string; count: number }[]).find((g) => g.count >= 2 && g.count <= 6);
  expect(shared, "the demo organization has a CVE on two to six open findings").toBeTruthy();
  const list = await request.get(`/api/findings?cve=${encodeURIComponent(shared!.key)}&type=PACKAGE_VULNERABILITY&limit=2`);
  const [first, second] = (await list.json()).rows as { arn: string; resource_id: string }[];
  expect(second.resource_id).not.toBe(first.resource_id);

  await page.goto(`/findings/${encodeURIComponent(first.arn)}`);
  const section = page.locator("section#other-resources");
  await expect(section.getByRole("heading")).toHaveText(new RegExp(`Other resources with ${shared!.key}`, "i"));
  await expect(section.getByRole("link", { name: new RegExp(`All open findings for ${shared!.key} \\(\\d+ other resources?\\)`) })).toBeVisible();
  const other = section.locator(`td[title="${second.resource_id}"]`);
  await expect(other).toBeVisible();
  await attachScreenshot(page, testInfo, "finding-detail-other-resources");
  await other.getByRole("link").click();
  await expect(page).toHaveURL(`/findings/${encodeURIComponent(second.arn)}`);
  await expect(page.locator("section#other-resources").locator(`td[title="${first.resource_id}"]`)).toBeVisible();
});

for (const viewport of [{ name: "desktop", width: 1440, height: 900 }, { name: "phone", width: 390, height: 844 }]) {
  test(`a finding whose details Inspector was not asked for shows its listed EPSS under known exploitation, as the scores do (${viewport.name})`, async ({ page, request }, testInfo) => {
    await page.setViewportSize(viewport);
    // Details are read for open critical, high and exploitable findings: a low one without a known exploit has none.
    const api = await request.get("/api/findings?type=PACKAGE_VULNERABILITY&severity=LOW&exploit=NO&epssMin=0.001&limit=5");
    expect(api.ok()).toBe(true);
    const [finding] = (await api.json()).rows as { arn: string }[];
    expect(finding).toBeTruthy();
    await page.goto(`/findings/${encodeURIComponent(finding.arn)}`);
    const listed = page.getByTestId("exploitation").getByTestId("epss-listed");
    await expect(listed).toBeVisible();
    const score = (await page.getByTestId("score-epss").innerText()).trim();
    expect(score).toMatch(/^(<0\.1|\d+(\.\d)?)%$/);
    await expect(listed).toHaveText(`${score} (as listed with the finding)`);
    const layout = await sidewaysOverflow(page);
    expect(layout.culprits, `overflow ${layout.overflow}px`).toEqual([]);
    await attachScreenshot(page, testInfo, `finding-detail-listed-epss-${viewport.name}`);
  });
}
