// `npm test` runs this first: make sure the browser tests have a Chromium, within seconds when
// none can be had. Order: PLAYWRIGHT_CHROMIUM_EXECUTABLE; the system's Chromium (its headless shell
// first, scripts/system-chromium.mjs); Playwright's own (downloaded when its host answers); Debian's package when root; else one
// line naming the fix. The headless shell is what Playwright itself runs headless tests in: on this
// project's browser tests it took 23-33 % less CPU than the whole Chromium (docs/benchmarks.md).
// Prints the executable to use on stdout (empty = Playwright's own), everything else on stderr.
// Overrides for tests: INSPECTORATE_SYSTEM_CHROMIUM (":"-separated paths), INSPECTORATE_BROWSER_APT=0,
// PLAYWRIGHT_BROWSERS_PATH and PLAYWRIGHT_DOWNLOAD_HOST (Playwright's own variables).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { systemChromium } from "./system-chromium.mjs";

const env = process.env;
const say = (m) => process.stderr.write(`browser: ${m}\n`);
const fail = (m) => {
  process.stderr.write(`npm test: ${m}\n`);
  process.exit(1);
};
const found = (p) => {
  process.stdout.write(p ? `${p}\n` : "\n");
  process.exit(0);
};
const require = createRequire(import.meta.url);
const playwrightCli = path.join(path.dirname(require.resolve("playwright/package.json")), "cli.js");

function playwrightOwn() {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(require('playwright-core').chromium.executablePath())"], {
    encoding: "utf8",
    env,
    cwd: path.dirname(require.resolve("playwright/package.json")),
  });
  return r.status === 0 && r.stdout && fs.existsSync(r.stdout) ? r.stdout : undefined;
}

async function downloadHostAnswers() {
  const host = env.PLAYWRIGHT_DOWNLOAD_HOST || "https://cdn.playwright.dev";
  try {
    await fetch(host, { method: "HEAD", signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}

const isRoot = () => process.getuid?.() === 0 && env.INSPECTORATE_BROWSER_APT !== "0";
const hasAptGet = () => spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status === 0;

if (env.PLAYWRIGHT_CHROMIUM_EXECUTABLE) {
  if (fs.existsSync(env.PLAYWRIGHT_CHROMIUM_EXECUTABLE)) found(env.PLAYWRIGHT_CHROMIUM_EXECUTABLE);
  fail(`PLAYWRIGHT_CHROMIUM_EXECUTABLE=${env.PLAYWRIGHT_CHROMIUM_EXECUTABLE} does not exist`);
}
const system = systemChromium();
if (system) found(system);
if (playwrightOwn()) found("");
if (await downloadHostAnswers()) {
  const args = [playwrightCli, "install", ...(isRoot() ? ["--with-deps"] : []), "chromium"];
  say(`downloading Playwright's Chromium (npx playwright ${args.slice(1).join(" ")})`);
  const r = spawnSync(process.execPath, args, { stdio: ["ignore", 2, 2], env });
  if (r.status === 0 && playwrightOwn()) found("");
}
if (isRoot() && hasAptGet()) {
  say("installing Debian's chromium-headless-shell, else chromium (apt-get update && apt-get install -y …)");
  const apt = { stdio: ["ignore", 2, 2], env: { ...env, DEBIAN_FRONTEND: "noninteractive" } };
  const install = (name) => spawnSync("apt-get", ["install", "-y", "-qq", name], apt).status === 0;
  if (spawnSync("apt-get", ["update", "-qq"], apt).status === 0 && !install("chromium-headless-shell")) install("chromium");
  const installed = systemChromium();
  if (installed) found(installed);
}
fail(
  "no Chromium for the browser tests: install one (Debian/Ubuntu: `sudo apt-get install chromium-headless-shell` or `chromium`; elsewhere `npx playwright install --with-deps chromium`) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE",
);
