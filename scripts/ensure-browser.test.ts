import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { systemChromium, systemChromiumPaths } from "./system-chromium.mjs";

const root = path.resolve(import.meta.dirname, "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ensure-browser-"));
// A machine without any Chromium: no system one, an empty Playwright cache, an unreachable download
// host, and apt-get not tried (the machine running the tests keeps its own Chromium).
const noBrowser = {
  INSPECTORATE_SYSTEM_CHROMIUM: path.join(tmp, "no-chromium"),
  PLAYWRIGHT_BROWSERS_PATH: path.join(tmp, "empty-cache"),
  PLAYWRIGHT_DOWNLOAD_HOST: "http://127.0.0.1:9",
  INSPECTORATE_BROWSER_APT: "0",
  PLAYWRIGHT_CHROMIUM_EXECUTABLE: "",
};
const run = (cmd: string, args: string[], env: Record<string, string>) =>
  spawnSync(cmd, args, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });

describe("npm test's browser check", () => {
  it("uses the system Chromium when there is one", () => {
    const fake = path.join(tmp, "chromium");
    fs.writeFileSync(fake, "");
    const r = run(process.execPath, ["scripts/ensure-browser.mjs"], { ...noBrowser, INSPECTORATE_SYSTEM_CHROMIUM: `/nope:${fake}` });
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(fake);
  });

  it("takes Debian's headless shell before the whole Chromium, and the first that exists", () => {
    const paths = systemChromiumPaths({});
    expect(paths.indexOf("/usr/bin/chromium-headless-shell")).toBe(0);
    expect(paths.indexOf("/usr/bin/chromium")).toBeGreaterThan(0);
    const shell = path.join(tmp, "shell"), whole = path.join(tmp, "whole");
    fs.writeFileSync(shell, "");
    fs.writeFileSync(whole, "");
    expect(systemChromium({ INSPECTORATE_SYSTEM_CHROMIUM: `/nope:${shell}:${whole}` })).toBe(shell);
    expect(systemChromium({ INSPECTORATE_SYSTEM_CHROMIUM: `${path.join(tmp, "gone")}:${whole}` })).toBe(whole);
  });

  it("stops within seconds with one line naming what to install", () => {
    const started = Date.now();
    const r = run(process.execPath, ["scripts/ensure-browser.mjs"], noBrowser);
    expect(r.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^npm test: no Chromium .*apt-get install chromium.*playwright install/);
  });

  it("runs before anything else in scripts/test.sh", () => {
    const r = run("bash", ["scripts/test.sh"], noBrowser);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(/typecheck|vitest|build/);
    expect(r.stderr.trim().split("\n").at(-1)).toMatch(/^npm test: no Chromium/);
  });
});

describe("the shell scripts CI runs", () => {
  // bash parses a script as it runs it: a syntax error after the browser step only shows on a
  // machine that has a browser (CI), never in the no-browser test above.
  it.each(["scripts/test.sh", ".ci/run"])("%s parses as a whole", (file) => {
    const r = run("bash", ["-n", file], {});
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
