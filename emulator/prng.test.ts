import { describe, expect, it } from "vitest";
import { createRng, hash32, hexFrom, perm32, unperm32 } from "./prng";

describe("prng", () => {
  it("is deterministic per seed and differs across seeds", () => {
    const a = createRng(42), b = createRng(42), c = createRng(43);
    const sa = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(sa);
    expect(c.next()).not.toEqual(sa[0]);
  });
  it("perm32 round-trips", () => {
    for (const x of [0, 1, 7, 123456, 0xffffffff, 999999]) expect(unperm32(perm32(x, 0xabc), 0xabc)).toBe(x >>> 0);
  });
  it("hexFrom gives the requested length", () => {
    expect(hexFrom(32, 1, 2)).toMatch(/^[0-9a-f]{32}$/);
    expect(hash32(1, 2)).not.toBe(hash32(2, 1));
  });
});
