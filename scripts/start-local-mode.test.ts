// Local mode (no identity provider) is one implicit admin, so the launcher refuses to listen on
// anything but loopback, with one line saying why, before it opens a database or a port.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const start = (extra: Record<string, string>) =>
  spawnSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/start.ts", "start"], {
    cwd: root, encoding: "utf8", timeout: 60_000,
    env: { NODE_ENV: "production", PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", INSPECTORATE_DATA_DIR: ".test-data/never", ...extra },
  });

describe("local mode binds only to loopback", () => {
  it("refuses HOST=0.0.0.0 without sign-in configured, in one line", () => {
    const r = start({ HOST: "0.0.0.0", PORT: "3999" });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^inspectorate: config error: HOST: local mode \(no INSPECTORATE_OIDC_ISSUER\) listens only on a loopback address/);
    expect(r.stdout).not.toContain("serving");
  });

  it("refuses a LAN address too, and accepts it once sign-in is configured (config passes)", () => {
    expect(start({ HOST: "192.168.1.20" }).stderr).toContain("HOST: local mode");
    const configured = start({ HOST: "0.0.0.0", INSPECTORATE_OIDC_ISSUER: "https://idp.example", INSPECTORATE_OIDC_CLIENT_ID: "x", INSPECTORATE_PUBLIC_URL: "https://inspectorate.example", DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(configured.stderr).not.toContain("config error");
  });
});
