// whenQuiet against this test process's own event loop: idle, then kept ~90 % busy by a spinning loop.
import { afterEach, describe, expect, it } from "vitest";
import { whenQuiet } from "./when-quiet";

let spinning = false;
/** Burns the event loop 9 ms of every 10 until stopped. */
function spin() {
  spinning = true;
  const tick = () => {
    if (!spinning) return;
    const until = performance.now() + 9;
    while (performance.now() < until);
    setTimeout(tick, 1);
  };
  tick();
}
afterEach(() => {
  spinning = false;
});

describe("whenQuiet", () => {
  it("answers after one quiet window when nothing runs", async () => {
    const started = Date.now();
    expect(await whenQuiet({ sampleMs: 100, maxWaitMs: 5_000 })).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("waits while the loop is busy, and gives up at its bound", async () => {
    spin();
    const started = Date.now();
    expect(await whenQuiet({ sampleMs: 100, maxWaitMs: 700 })).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(700);
  });

  it("goes on as soon as the load stops", async () => {
    spin();
    setTimeout(() => (spinning = false), 500);
    const started = Date.now();
    expect(await whenQuiet({ sampleMs: 100, maxWaitMs: 10_000 })).toBe(true);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(500);
    expect(waited).toBeLessThan(3_000);
  });

  it("does not wait at all with a bound of 0", async () => {
    spin();
    const started = Date.now();
    expect(await whenQuiet({ maxWaitMs: 0 })).toBe(false);
    expect(Date.now() - started).toBeLessThan(50);
  });
});
