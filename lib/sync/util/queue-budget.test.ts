import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { queueBudget } from "./queue-budget";

const tick = (ms = 0) => new Promise((ok) => setTimeout(ok, ms));

describe("queueBudget", () => {
  it("never holds more than its bound while fast producers feed a slow consumer, and loses no row", async () => {
    const q = queueBudget(1_000);
    const queued: number[] = [];
    let produced = 0;
    let consumed = 0;
    let done = 0;
    // Four listing partitions, 50 pages of 100 rows each, as fast as they can.
    const producers = [0, 1, 2, 3].map(async () => {
      for (let page = 0; page < 50; page++) {
        await q.acquire(100);
        expect(q.held).toBeLessThanOrEqual(1_000);
        queued.push(100);
        produced += 100;
      }
      done++;
    });
    // One writer, 2 ms per page.
    while (done < 4 || queued.length) {
      const n = queued.shift();
      if (n === undefined) {
        await tick();
        continue;
      }
      await tick(2);
      consumed += n;
      q.release(n);
    }
    await Promise.all(producers);
    expect(produced).toBe(20_000);
    expect(consumed).toBe(20_000);
    expect(q.peak).toBe(1_000);
    expect(q.held).toBe(0);
  });

  it("admits a request larger than the bound alone, in arrival order", async () => {
    const q = queueBudget(100);
    await q.acquire(60);
    const order: string[] = [];
    const big = q.acquire(250).then(() => order.push("big"));
    const small = q.acquire(10).then(() => order.push("small")); // fits, but waits behind the big one
    await tick();
    expect(order).toEqual([]);
    q.release(60);
    await big;
    expect(q.held).toBe(250);
    q.release(250);
    await small;
    expect(order).toEqual(["big", "small"]);
  });

  it("lets a waiter go without room when the run stops", async () => {
    const q = queueBudget(10);
    await q.acquire(10);
    const stop = new AbortController();
    const waiting = q.acquire(5, stop.signal);
    stop.abort("fatal");
    await waiting;
    expect(q.held).toBe(10);
    expect(q.tryAcquire(1)).toBe(false);
  });

  it("leaves no listener on the run's signal once a waiter got its room, however many waited", async () => {
    const q = queueBudget(100);
    const run = new AbortController();
    await q.acquire(100, run.signal);
    for (let page = 0; page < 1_000; page++) {
      const waiting = q.acquire(100, run.signal);
      expect(getEventListeners(run.signal, "abort").length).toBe(1);
      q.release(100);
      await waiting;
    }
    expect(getEventListeners(run.signal, "abort")).toHaveLength(0);
    expect(q.held).toBe(100);
  });
});
