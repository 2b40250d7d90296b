// One browser page per window size, kept across the layout audit's tests. Each test gets a fresh
// context by default, which fetches and compiles the app's scripts again: in the audit, 51 page
// visits, that was 56 of its 157 s against 23 s with the page kept (the context's cache and compiled
// code stay warm). The audit only reads pages, so nothing one visit leaves behind changes the next.
// On a failure, the screenshot to look at is the test's own attachment (<page>-<width>.png): the page
// snapshot Playwright adds at the end of the run shows whichever page the kept one is on by then.
import { test as base, type BrowserContext, type Page } from "@playwright/test";

export const test = base.extend<{ auditPage: Page }, { auditContexts: Map<string, BrowserContext> }>({
  auditContexts: [
    async ({}, provide) => {
      const contexts = new Map<string, BrowserContext>();
      await provide(contexts);
      for (const context of contexts.values()) await context.close();
    },
    { scope: "worker" },
  ],
  auditPage: async ({ auditContexts, browser, viewport, baseURL }, provide) => {
    const key = `${viewport?.width}×${viewport?.height}`;
    let context = auditContexts.get(key);
    if (!context) {
      context = await browser.newContext({ baseURL, viewport });
      auditContexts.set(key, context);
    }
    await provide(context.pages()[0] ?? (await context.newPage()));
  },
});
