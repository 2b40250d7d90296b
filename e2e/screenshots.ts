// Full-page screenshots attached to the Playwright report and kept under test-results/screenshots.
// A screenshot is evidence for people, not an assertion: it gets a bounded time (CI once saw a
// full-page capture hang past the test's timeout on a loaded machine), falls back to the viewport,
// and when even that fails the test carries an annotation saying so instead of failing.
import type { Page, TestInfo } from "@playwright/test";

const FULL_PAGE_MS = 20_000;
const VIEWPORT_MS = 10_000;

export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = `test-results/screenshots/${name}.png`;
  const body = await page.screenshot({ fullPage: true, path, timeout: FULL_PAGE_MS })
    .catch(() => page.screenshot({ path, timeout: VIEWPORT_MS }))
    .catch((e: Error) => {
      testInfo.annotations.push({ type: "screenshot missing", description: `${name}: ${e.message.split("\n")[0]}` });
      return null;
    });
  if (body) await testInfo.attach(name, { body, contentType: "image/png" });
}
