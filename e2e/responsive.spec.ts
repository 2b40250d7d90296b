import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { everyPage, viewports, type AppPage } from "./every-page";
import { axeViolations, sidewaysOverflow } from "./layout-probe";

// Every page at a phone's and a desktop's width: nothing scrolls sideways, axe finds nothing.
// The numbers land in test-results/layout-audit.json, the screenshots in test-results/screenshots.
const auditFile = "test-results/layout-audit.json";
let pages: AppPage[] = [];

function record(key: string, value: { overflow: number; axe: number }) {
  fs.mkdirSync("test-results", { recursive: true });
  const audit = fs.existsSync(auditFile) ? JSON.parse(fs.readFileSync(auditFile, "utf8")) : {};
  fs.writeFileSync(auditFile, JSON.stringify({ ...audit, [key]: value }, null, 2));
}

test.beforeAll(async ({ request }) => {
  pages = await everyPage(request);
});

for (const vp of viewports) {
  test(`every page fits ${vp.width} px and passes the WCAG 2.1 AA audit`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: vp.width, height: vp.height });
    for (const p of pages) {
      await test.step(p.name, async () => {
        await page.goto(p.path);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await page.waitForLoadState("networkidle");
        const { overflow, culprits } = await sidewaysOverflow(page);
        const axe = await axeViolations(page);
        record(`${p.name}@${vp.width}`, { overflow, axe: axe.count });
        await page.screenshot({ fullPage: true, path: `test-results/screenshots/${p.name}-${vp.width}.png` });
        expect.soft(overflow, `${p.name} at ${vp.width} px scrolls sideways: ${culprits.join(" › ")}`).toBeLessThanOrEqual(0);
        expect.soft(axe.summary, `${p.name} at ${vp.width} px: axe violations`).toEqual([]);
      });
    }
  });
}
