import { expect, test, type APIRequestContext } from "@playwright/test";
import { attachScreenshot } from "./screenshots";
import { axeViolations, sidewaysOverflow } from "./layout-probe";

// Known exploitation: the CISA KEV filter lists exactly the findings whose vulnerability is in KEV,
// and a KEV finding's page shows KEV's due date and required action, on a desktop and a phone.

type Row = { arn: string; title: string; kev: "YES" | "NO" | null };

async function allRows(request: APIRequestContext, query: string): Promise<Row[]> {
  const out: Row[] = [];
  for (let cursor: string | null = ""; cursor !== null; ) {
    const res = await request.get(`/api/findings?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
    expect(res.ok()).toBe(true);
    const body = (await res.json()) as { rows: Row[]; nextCursor: string | null };
    out.push(...body.rows);
    cursor = body.nextCursor;
  }
  return out;
}

test("the KEV filter shows exactly the KEV findings", async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  const everything = await allRows(request, "status=ACTIVE");
  const kev = await allRows(request, "status=ACTIVE&kev=YES");
  expect(kev.length).toBeGreaterThan(0);
  expect(kev.every((r) => r.kev === "YES")).toBe(true);
  expect(kev.map((r) => r.arn).sort()).toEqual(everything.filter((r) => r.kev === "YES").map((r) => r.arn).sort());
  // Never fetched is unknown, not "not in KEV": the three filters split the open findings.
  const [no, unknown] = await Promise.all([allRows(request, "status=ACTIVE&kev=NO"), allRows(request, "status=ACTIVE&kev=UNKNOWN")]);
  expect(kev.length + no.length + unknown.length).toBe(everything.length);

  await page.goto("/findings");
  await page.getByLabel("CISA KEV").selectOption("YES");
  await expect(page).toHaveURL(/[?&]kev=YES/);
  const table = page.getByTestId("findings-table");
  await expect(table.locator("tbody tr").first()).toBeVisible();
  const shown = await table.locator("tbody tr").count();
  expect(shown).toBe(Math.min(kev.length, 50));
  await expect(table.locator("tbody tr").filter({ hasNot: page.locator('[data-kev="yes"]') })).toHaveCount(0);
  await expect(page.getByLabel("Active filters")).toContainText("CISA KEV");
  await attachScreenshot(page, testInfo, "kev-filter-desktop");
  // The overview's top risks carry the badge too.
  await page.goto("/");
  await expect(page.locator('[data-kev="yes"]').first()).toBeVisible();
});

for (const viewport of [{ name: "desktop", width: 1440, height: 900 }, { name: "phone", width: 390, height: 844 }]) {
  test(`a KEV finding's page shows KEV's due date and required action (${viewport.name})`, async ({ page, request }, testInfo) => {
    await page.setViewportSize(viewport);
    const [finding] = await allRows(request, "status=ACTIVE&kev=YES&sort=score");
    await page.goto(`/findings?kev=YES`);
    await expect(page).toHaveURL(/kev=YES/);
    if (viewport.name === "phone") expect((await sidewaysOverflow(page)).overflow).toBeLessThanOrEqual(0);
    await page.goto(`/findings/${encodeURIComponent(finding.arn)}`);
    const section = page.getByTestId("exploitation");
    await expect(section).toBeVisible();
    await expect(section.getByTestId("kev-due")).toHaveText(/^\d{4}-\d{2}-\d{2} \((\d+ days past due|due today|in \d+ days)\)$/);
    await expect(section.getByTestId("kev-action")).toContainText("mitigations");
    await expect(section).toContainText("Exploit first seen");
    await expect(section).toContainText(/CWE-\d+/);
    await expect(page.locator("header [data-kev='yes']")).toBeVisible();
    const layout = await sidewaysOverflow(page);
    expect(layout.culprits, `overflow ${layout.overflow}px`).toEqual([]);
    expect((await axeViolations(page)).summary).toEqual([]);
    await attachScreenshot(page, testInfo, `kev-detail-${viewport.name}`);
  });
}
