import fs from "node:fs";
import { expect } from "@playwright/test";
import { test } from "./audit-page";
import { attachScreenshot } from "./screenshots";
import { pageNames, pagePaths, viewports, type PageName } from "./every-page";
import { axeViolations, sidewaysOverflow } from "./layout-probe";

// Every page at two phones' widths and a desktop's: nothing scrolls sideways, and axe finds nothing
// at the narrow phone's and the desktop's (every-page.ts says why not at 390 px too).
// The numbers land in test-results/layout-audit.json, the screenshots in test-results/screenshots.
const auditFile = "test-results/layout-audit.json";
let paths: Record<PageName, string>;

/** axe: the violations found, or null where the audit does not run. */
function record(key: string, value: { overflow: number; axe: number | null }) {
  fs.mkdirSync("test-results", { recursive: true });
  const audit = fs.existsSync(auditFile) ? JSON.parse(fs.readFileSync(auditFile, "utf8")) : {};
  fs.writeFileSync(auditFile, JSON.stringify({ ...audit, [key]: value }, null, 2));
}

test.beforeAll(async ({ request }) => {
  paths ??= await pagePaths(request);
});

for (const vp of viewports) {
  test.describe(`at ${vp.width} × ${vp.height}`, () => {
    test.use({ viewport: { width: vp.width, height: vp.height } });
    for (const name of pageNames) {
      test(`${name} fits the width${vp.axe ? " and passes the WCAG 2.1 AA audit" : ""}`, async ({ auditPage: page }) => {
        test.setTimeout(240_000);
        await page.goto(paths[name]);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await page.waitForLoadState("networkidle");
        const { overflow, culprits } = await sidewaysOverflow(page);
        const axe = vp.axe ? await axeViolations(page) : undefined;
        record(`${name}@${vp.width}`, { overflow, axe: axe?.count ?? null });
        await attachScreenshot(page, test.info(), `${name}-${vp.width}`);
        expect.soft(overflow, `${name} at ${vp.width} px scrolls sideways: ${culprits.join(" › ")}`).toBeLessThanOrEqual(0);
        if (axe) expect.soft(axe.summary, `${name} at ${vp.width} px: axe violations`).toEqual([]);
      });
    }
  });
}
