import { describe, expect, it } from "vitest";
import { semaphore } from "./semaphore";

const tick = () => new Promise((ok) => setTimeout(ok, 2));

describe("semaphore", () => {
  it("never lets more than the limit run, starts waiters in order and releases on failure", async () => {
    const s = semaphore(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const job = (i: number) =>
      s.run(async () => {
        started.push(i);
        running++;
        peak = Math.max(peak, running);
        await tick();
        running--;
        if (i === 1) throw new Error("job 1 failed");
        return i;
      });
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map(job));
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled", "fulfilled"]);
    expect(await s.run(async () => "free again")).toBe("free again");
  });
});
