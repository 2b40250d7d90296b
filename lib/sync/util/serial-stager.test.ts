import { describe, expect, it } from "vitest";
import { mapLimit } from "./map-limit";
import { serialStager } from "./serial-stager";

const tick = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

describe("serialStager", () => {
  it("ten producers at once: one write at a time, every row written once, in hand-over order", async () => {
    let inFlight = 0;
    let peak = 0;
    const written: number[] = [];
    const stager = serialStager<number>(async (rows) => {
      peak = Math.max(peak, ++inFlight);
      await tick(2);
      written.push(...rows);
      inFlight--;
    }, 3);
    const producers = Array.from({ length: 10 }, (_, p) => p);
    await mapLimit(producers, 10, async (p) => {
      for (let page = 0; page < 4; page++) {
        await stager.add([p * 100 + page * 2, p * 100 + page * 2 + 1]);
        await tick(p % 3);
      }
    });
    await stager.flush();
    expect(peak).toBe(1);
    const expected = producers.flatMap((p) => Array.from({ length: 8 }, (_, i) => p * 100 + i));
    expect([...written].sort((a, b) => a - b)).toEqual(expected);
    // Each producer's rows reach the writer in the order it handed them over.
    for (const p of producers) expect(written.filter((n) => Math.floor(n / 100) === p)).toEqual(expected.filter((n) => Math.floor(n / 100) === p));
    expect(inFlight).toBe(0);
  });

  it("flush waits for every write, including ones handed over by other producers", async () => {
    const done: string[] = [];
    const stager = serialStager<string>(async (rows) => {
      await tick(rows[0] === "slow" ? 30 : 1);
      done.push(...rows);
    }, 1);
    void stager.add(["slow"]);
    void stager.add(["fast"]);
    await stager.flush();
    expect(done).toEqual(["slow", "fast"]);
  });

  it("a failed write is thrown to a later producer and by flush, and nothing after it is written", async () => {
    const written: string[] = [];
    const stager = serialStager<string>(async (rows) => {
      if (rows.includes("bad")) throw new Error("insert failed");
      written.push(...rows);
    }, 1);
    await stager.add(["bad"]);
    await expect(stager.add(["after"])).rejects.toThrow("insert failed");
    await expect(stager.flush()).rejects.toThrow("insert failed");
    await stager.settled();
    expect(written).toEqual([]);
  });
});
