import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cpuMeter, processTreeCpu } from "./cpu-usage";
import { fmt } from "./bench-format";

/** A parent that starts `children` Node processes in turn, each burning ~`ms` of CPU, waits for each
 *  to exit (so the kernel folds its CPU into the parent's), then idles until killed. */
function parentOfBurners(children: number, ms: number) {
  const burner = `const t = process.cpuUsage(); while ((process.cpuUsage(t).user + process.cpuUsage(t).system) / 1000 < ${ms});`;
  const parent = `
    const { spawnSync } = require("node:child_process");
    for (let i = 0; i < ${children}; i++) spawnSync(process.execPath, ["-e", ${JSON.stringify(burner)}]);
    console.log("reaped");
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ["-e", parent], { stdio: ["ignore", "pipe", "inherit"] });
  const reaped = new Promise<void>((resolve) => child.stdout.on("data", (d: Buffer) => d.toString().includes("reaped") && resolve()));
  return { pid: child.pid!, reaped, stop: () => child.kill() };
}

describe("processTreeCpu", () => {
  it("counts the CPU of children that have exited and been reaped", async () => {
    const tree = parentOfBurners(3, 300);
    try {
      const before = processTreeCpu(tree.pid);
      await tree.reaped;
      const after = processTreeCpu(tree.pid);
      // Three children of ~0.3 s each, all exited: ≥ 0.8 s in ticks of 10 ms, whatever the machine's load.
      expect(after - before).toBeGreaterThanOrEqual(0.8);
      expect(after - before).toBeLessThan(10);
    } finally {
      tree.stop();
    }
  }, 30_000);

  it("is NaN for a process that is not there", () => {
    expect(processTreeCpu(2 ** 22 + 17)).toBeNaN();
  });
});

describe("cpuMeter", () => {
  it("gives no PostgreSQL figure for a database no local server serves, and the bench prints it as —", () => {
    const read = cpuMeter(undefined, `inspectorate_not_served_here_${process.pid}`);
    const t = process.cpuUsage();
    while ((process.cpuUsage(t).user + process.cpuUsage(t).system) / 1000 < 50);
    const cpu = read();
    expect(cpu.postgres).toBeNaN();
    expect(fmt(cpu.postgres, 1)).toBe("—");
    expect(cpu.sync).toBeGreaterThanOrEqual(0.04);
    expect(fmt(1234.5, 1)).toBe("1,234.5");
  });
});
