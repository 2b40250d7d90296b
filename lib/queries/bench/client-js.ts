// Client JavaScript per route, as a browser downloads it: every script response of a page load,
// gzip-compressed (level 6, like `next start`), summed. Needs a running production build:
//   BASE_URL=http://127.0.0.1:3300 npx tsx lib/queries/bench/client-js.ts /findings /coverage …
import zlib from "node:zlib";
import { chromium } from "@playwright/test";

const base = process.env.BASE_URL ?? "http://127.0.0.1:3300";
const routes = process.argv.slice(2);

const browser = await chromium.launch({ executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
for (const route of routes) {
  const page = await browser.newPage();
  const scripts = new Map<string, Promise<number>>();
  page.on("response", (res) => {
    if (res.request().resourceType() !== "script" || scripts.has(res.url())) return;
    scripts.set(res.url(), res.body().then((b) => zlib.gzipSync(b, { level: 6 }).length, () => 0));
  });
  await page.goto(`${base}${route}`, { waitUntil: "load" });
  const initial = (await Promise.all([...scripts.values()])).reduce((a, b) => a + b, 0);
  const initialCount = scripts.size;
  await page.waitForTimeout(2500); // lazily loaded chunks (e.g. the account page's chart)
  const total = (await Promise.all([...scripts.values()])).reduce((a, b) => a + b, 0);
  console.log(`${route.padEnd(60)} ${(initial / 1024).toFixed(1).padStart(7)} KB gz in ${initialCount} scripts; with lazy chunks ${(total / 1024).toFixed(1)} KB gz`);
  await page.close();
}
await browser.close();
