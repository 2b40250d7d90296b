import { describe, expect, it } from "vitest";
import { metricsTokenAccepts } from "./metrics-token";

describe("the metrics token", () => {
  it("is optional, and when set only the same bearer token passes", () => {
    expect(metricsTokenAccepts(undefined, null)).toBe(true);
    const token = "0123456789abcdef-metrics";
    expect(metricsTokenAccepts(token, `Bearer ${token}`)).toBe(true);
    expect(metricsTokenAccepts(token, null)).toBe(false);
    expect(metricsTokenAccepts(token, `Bearer ${token}x`)).toBe(false);
    expect(metricsTokenAccepts(token, token)).toBe(false);
  });
});
