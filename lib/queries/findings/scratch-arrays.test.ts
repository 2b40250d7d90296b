import { describe, expect, it } from "vitest";
import { float64, int32, scratch } from "./scratch-arrays";

describe("scratch arrays", () => {
  it("are the length asked, filled as asked, and one buffer reused while it is long enough", () => {
    const a = scratch("test.a", int32, 10, 7);
    expect(Array.from(a)).toEqual(Array(10).fill(7));
    a.fill(3);
    // Shorter: the same memory, filled again.
    const b = scratch("test.a", int32, 4, -1);
    expect(b.buffer).toBe(a.buffer);
    expect(Array.from(b)).toEqual([-1, -1, -1, -1]);
    // "none": as the last user left it (a pass that writes before it reads).
    b[0] = 42;
    expect(scratch("test.a", int32, 4, "none")[0]).toBe(42);
    // Longer: a new buffer of at least that length.
    const c = scratch("test.a", int32, 100);
    expect(c.length).toBe(100);
    expect(c.buffer).not.toBe(a.buffer);
    expect(c.every((v) => v === 0)).toBe(true);
    // Names are separate arrays.
    expect(scratch("test.b", float64, 3, NaN).buffer).not.toBe(c.buffer);
  });
});
