// holdHeapGrowth: while held, a process that allocates fast around a steady live set commits less heap
// than with V8's own growth factor; released (by the last holder), V8's own factor is back; an
// operator's own --heap-growing-percent is left alone. Each case is its own Node process.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const probe = path.resolve("lib/sync/util/test-support/heap-growth-probe.ts");

function peakHeapMb(mode: string, nodeFlags: string[] = []): number {
  // Fixed young generation (the launcher's 32 MB), so only the old generation's growth differs.
  const r = spawnSync(process.execPath, ["--max-semi-space-size=32", ...nodeFlags, "--import", "tsx", probe, mode], {
    encoding: "utf8", timeout: 60_000, env: { ...process.env, NODE_OPTIONS: "" },
  });
  if (r.status !== 0) throw new Error(`probe ${mode} exited ${r.status}: ${r.stderr}`);
  return (JSON.parse(r.stdout.trim().split("\n").at(-1)!) as { peakHeapMb: number }).peakHeapMb;
}

describe("holdHeapGrowth", () => {
  // Measured on the 2-core VM: ~276 MB of committed heap with V8's own factor, ~162 MB held at 50 %.
  const MARGIN_MB = 25;

  it("commits less heap while held, and V8's own growth is back once the last holder releases", () => {
    const own = peakHeapMb("none");
    const held = peakHeapMb("held");
    expect(held).toBeLessThan(own - MARGIN_MB);
    expect(peakHeapMb("released")).toBeGreaterThan(held + MARGIN_MB);
    expect(peakHeapMb("one-of-two")).toBeLessThan(own - MARGIN_MB);
  }, 120_000);

  it("leaves an operator's own --heap-growing-percent in place, even after a release", () => {
    const own = peakHeapMb("none");
    expect(peakHeapMb("released", ["--heap-growing-percent=30"])).toBeLessThan(own - MARGIN_MB);
  }, 120_000);
});
