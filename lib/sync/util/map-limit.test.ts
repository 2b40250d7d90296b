import { describe, expect, it } from "vitest";
import { chunk, mapLimit, settleAll } from "./map-limit";

describe("mapLimit", () => {
  it("keeps order and never exceeds the limit", async () => {
    let inFlight = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 3, 2, 4], 2, async (n) => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, n));
      inFlight--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 30, 20, 40]);
    expect(peak).toBe(2);
  });

  it("chunks", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
  });
});

describe("failures", () => {
  it("mapLimit starts nothing new after a failure and waits for in-flight work before throwing", async () => {
    const done: number[] = [];
    const run = mapLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
      await new Promise((r) => setTimeout(r, n === 2 ? 30 : 5));
      if (n === 1) throw new Error("boom");
      done.push(n);
      return n;
    });
    await expect(run).rejects.toThrow("boom");
    expect(done).toEqual([2]); // 2 was in flight and finished; 3..6 never started
  });

  it("settleAll waits for every promise and reports the first failure once", async () => {
    let finished = false;
    let told = 0;
    const slow = new Promise((r) => setTimeout(() => ((finished = true), r(1)), 20));
    await expect(settleAll([Promise.reject(new Error("first")), slow], () => told++)).rejects.toThrow("first");
    expect(finished).toBe(true);
    expect(told).toBe(1);
  });
});
