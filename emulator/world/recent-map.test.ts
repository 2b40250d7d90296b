import { describe, expect, it } from "vitest";
import { RecentMap } from "./recent-map";

describe("RecentMap", () => {
  it("keeps the most recently added entries and drops the oldest first", () => {
    const m = new RecentMap<string>(3);
    for (const k of [10, 11, 12]) m.add(k, `v${k}`);
    expect([m.size, m.get(10), m.get(12)]).toEqual([3, "v10", "v12"]);
    m.add(13, "v13");
    expect([m.size, m.get(10), m.get(11), m.get(13)]).toEqual([3, undefined, "v11", "v13"]);
    for (const k of [14, 15]) m.add(k, `v${k}`);
    expect([11, 12, 13, 14, 15].map((k) => m.get(k))).toEqual([undefined, undefined, "v13", "v14", "v15"]);
  });

  it("turns over many times without growing or losing its order", () => {
    const m = new RecentMap<number>(1_000);
    for (let k = 0; k < 25_500; k++) m.add(k, k * 2);
    expect(m.size).toBe(1_000);
    expect(m.get(24_499)).toBeUndefined();
    expect(m.get(24_500)).toBe(49_000);
    expect(m.get(25_499)).toBe(50_998);
  });

  it("refuses a capacity that is not a whole number of at least 1", () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => new RecentMap(bad)).toThrow(/capacity: expected a whole number of at least 1/);
  });
});
