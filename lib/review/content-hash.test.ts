import { describe, expect, it } from "vitest";
import { canonicalJson, contentHash } from "./content-hash";

describe("content hash", () => {
  it("is independent of key order and sees every value", () => {
    expect(canonicalJson({ b: 1, a: [1, { d: null, c: "x" }], u: undefined })).toBe('{"a":[1,{"c":"x","d":null}],"b":1}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1, b: 2 })).not.toBe(contentHash({ a: 1, b: 3 }));
    expect(contentHash({ a: "x" })).toMatch(/^[0-9a-f]{64}$/);
  });
});
