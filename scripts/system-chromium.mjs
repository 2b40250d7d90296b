// Where a system Chromium may be, in the order the browser tests take them: Debian's headless shell
// first (23-33 % less CPU than the whole Chromium on this project's browser tests: docs/benchmarks.md),
// then the whole Chromium. Read by scripts/ensure-browser.mjs (npm test) and playwright.config.ts
// (a bare `npx playwright test`). INSPECTORATE_SYSTEM_CHROMIUM (":"-separated paths) overrides it.
import fs from "node:fs";

export const systemChromiumPaths = (env = process.env) =>
  (env.INSPECTORATE_SYSTEM_CHROMIUM ?? "/usr/bin/chromium-headless-shell:/usr/bin/chromium:/usr/bin/chromium-browser").split(":").filter(Boolean);

/** The first of them that exists, else undefined. */
export const systemChromium = (env = process.env) => systemChromiumPaths(env).find((p) => fs.existsSync(p));
