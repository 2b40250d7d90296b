import fs from "node:fs";
import { expect, test } from "@playwright/test";

test("the CSV download has the rows the filter shows", async ({ page }) => {
  await page.goto("/findings?severity=HIGH&exploit=NO&limit=200");
  const total = Number((await page.getByTestId("findings-total").innerText()).match(/([\d,]+)\s+findings/)![1].replace(/,/g, ""));
  expect(total).toBeGreaterThan(0);
  expect(total).toBeLessThan(10_000);
  const shown = await page.getByTestId("findings-table").locator("tbody tr").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-finding")));

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv").click()]);
  expect(download.suggestedFilename()).toMatch(/^inspectorate-findings-\d+\.csv$/);
  const csv = fs.readFileSync((await download.path())!, "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toMatch(/^finding_arn,account_id,account_name,region,severity,status/);
  const arns = lines.slice(1).map((l) => l.split(",")[0]);
  expect(arns).toHaveLength(total);
  expect(new Set(arns).size).toBe(total);
  // Same rows, same order as the explorer shows them.
  expect(arns.slice(0, shown.length)).toEqual(shown);
  for (const line of lines.slice(1)) expect(line.split(",")[4]).toBe("HIGH");
});

test("invalid filters: the API answers 400 naming the field, the page says so and keeps the rest", async ({ page, request }) => {
  const res = await request.get("/api/findings?severity=SEVERE&account=123&region=us-east-1");
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.issues.map((i: { field: string }) => i.field).sort()).toEqual(["account", "severity"]);
  expect(body.issues.find((i: { field: string }) => i.field === "severity").message).toMatch(/^expected one of CRITICAL, HIGH, .* or UNTRIAGED, got "SEVERE"$/);

  await page.goto("/findings?severity=SEVERE&resourceType=AWS_EC2_INSTANCE");
  await expect(page.getByTestId("filter-issues")).toContainText("severity");
  await expect(page.getByTestId("filter-issues")).toContainText('got "SEVERE"');
  await expect(page.getByText("Resource type:")).toBeVisible();
  const types = await page.getByTestId("findings-table").locator("tbody tr td:nth-child(5)").allInnerTexts();
  expect(types.length).toBeGreaterThan(0);
  for (const t of types) expect(t).toContain("EC2 instance");
});
