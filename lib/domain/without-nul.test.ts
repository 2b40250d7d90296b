import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { jsonWithoutNul, textWithoutNul } from "@/lib/domain/without-nul";

const replaced = (v: unknown): unknown =>
  typeof v === "string" ? v.replaceAll("\0", "\ufffd")
  : Array.isArray(v) ? v.map(replaced)
  : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [replaced(k), replaced(x)]))
  : v;

describe("without NUL", () => {
  it("replaces NUL in plain text and leaves other text as it is", () => {
    expect(textWithoutNul("a\0b\0")).toBe("a\ufffdb\ufffd");
    const s = "no nul \\u0000 here";
    expect(textWithoutNul(s)).toBe(s);
  });

  it("replaces each NUL of a JSON document, and only those: an escaped backslash before u0000 is text", () => {
    expect(jsonWithoutNul(JSON.stringify({ t: "\\u0000" }))).toBe(JSON.stringify({ t: "\\u0000" }));
    expect(JSON.parse(jsonWithoutNul(JSON.stringify({ t: "\\\0", [`k\0`]: ["\0\0"] })))).toEqual({ t: "\\\ufffd", "k\ufffd": ["\ufffd\ufffd"] });
    fc.assert(fc.property(fc.jsonValue(), fc.array(fc.constantFrom("\0", "\\", "\\u0000", "u0000", "\\\0"), { maxLength: 6 }), (value, bits) => {
      const doc = { value, odd: bits.join("") };
      expect(JSON.parse(jsonWithoutNul(JSON.stringify(doc)))).toEqual(replaced(JSON.parse(JSON.stringify(doc))));
    }), { numRuns: 500 });
  });
});
