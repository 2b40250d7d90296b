// Measures what makes a page wider than the window, and runs the WCAG 2.1 AA axe-core rules.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** What the audit runs: WCAG 2.1 A and AA, and axe's best practices (headers with no text, landmarks,
 *  heading order…), which cost no more time once only violations are collected. */
const auditTags = [...wcagTags, "best-practice"];

/**
 * How far the page scrolls sideways and, if it does, the chain of elements down to the smallest
 * one whose removal ends it (found by hiding children one at a time; restored afterwards).
 */
export async function sidewaysOverflow(page: Page): Promise<{ overflow: number; culprits: string[] }> {
  // Measure the page, not the route's loading skeleton a streamed render shows first.
  await page.locator('[aria-busy="true"][aria-label="Loading"]').first().waitFor({ state: "detached" });
  return page.evaluate(() => {
    const width = window.innerWidth;
    const overflow = () => document.documentElement.scrollWidth - width;
    const culprits: string[] = [];
    for (let el: Element | null = overflow() > 0 ? document.body : null; el && culprits.length < 12; ) {
      let found: HTMLElement | null = null;
      for (const child of Array.from(el.children) as HTMLElement[]) {
        const display = child.style.display;
        child.style.display = "none";
        const fixed = overflow() <= 0;
        child.style.display = display;
        if (fixed) {
          found = child;
          break;
        }
      }
      if (found) culprits.push(`${found.tagName.toLowerCase()}.${String(found.getAttribute("class") ?? "").slice(0, 60)}`);
      el = found;
    }
    return { overflow: overflow(), culprits };
  });
}

export async function axeViolations(page: Page): Promise<{ count: number; summary: string[] }> {
  // Only violations are read: axe then keeps one node per passed or incomplete rule instead of all
  // of them. options() replaces the options, so the tags go after it. Legacy mode runs axe.run() in
  // the page itself; the default runs it per frame and then merges the results in a new blank page,
  // which cost 10-18 s a run on a loaded two-core machine against 2-3 s (the review page at 1440 px).
  // It differs only for cross-origin frames, which it skips; the app's pages have no frames (checked).
  if (page.frames().length > 1) throw new Error(`${page.url()} has frames: the audit's legacy mode would skip cross-origin ones`);
  const result = await new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ["violations"] }).withTags(auditTags).analyze();
  const count = result.violations.reduce((n, v) => n + v.nodes.length, 0);
  const summary = result.violations.map((v) => `${v.id} ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  return { count, summary };
}
