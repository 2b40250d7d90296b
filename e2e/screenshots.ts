// Full-page screenshots attached to the Playwright report and kept under test-results/screenshots.
import type { Page, TestInfo } from "@playwright/test";

export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const body = await page.screenshot({ fullPage: true, path: `test-results/screenshots/${name}.png` });
  await testInfo.attach(name, { body, contentType: "image/png" });
}
