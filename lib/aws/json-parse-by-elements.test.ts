// The element-by-element parse of a response body: the same value as JSON.parse of the whole body
// (or the same error), the elements' own bytes, and the whole body never decoded as one string when
// it parses that way.
import { afterEach, describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { parseByElements } from "./json-parse-by-elements";

const parseWhole = (body: Buffer) => JSON.parse(body.toString("utf8"));
const errorOf = (f: () => unknown) => {
  try {
    f();
    return undefined;
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
};

// Bodies as a server could write them: the array anywhere among other members, any indentation,
// elements of any JSON type (strings with quotes, brackets, backslashes and non-ASCII included).
const page = fc
  .record({
    before: fc.dictionary(fc.string().filter((k) => k !== "findings"), fc.jsonValue(), { maxKeys: 3 }),
    findings: fc.array(fc.oneof(fc.dictionary(fc.string({ unit: "binary" }), fc.jsonValue(), { maxKeys: 5 }), fc.jsonValue()), { maxLength: 8 }),
    after: fc.dictionary(fc.string().filter((k) => k !== "findings"), fc.jsonValue(), { maxKeys: 3 }),
    indent: fc.constantFrom(undefined, 1, "\t", "  "),
  })
  .map(({ before, findings, after, indent }) => Buffer.from(JSON.stringify({ ...before, findings, ...after }, null, indent), "utf8"));

afterEach(() => vi.restoreAllMocks());

describe("parseByElements", () => {
  it("gives what JSON.parse of the whole body gives, and each element's own bytes", () => {
    fc.assert(
      fc.property(page, (body) => {
        const whole = parseWhole(body);
        const parse = vi.spyOn(JSON, "parse");
        const { data, elements } = parseByElements(body, "findings");
        const calls = parse.mock.calls.length;
        vi.restoreAllMocks();
        // Read element by element whenever there are elements (the skeleton, then each element: a
        // fallback to the whole body would be one call more), the whole body only for an empty array.
        expect(calls).toBe(1 + whole.findings.length);
        expect(data).toEqual(whole);
        expect(elements).toHaveLength(whole.findings.length);
        elements!.forEach((e, i) => {
          expect(e.buffer).toBe(body.buffer); // a view of the body, not a copy
          expect(JSON.parse(e.toString("utf8"))).toEqual(whole.findings[i]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("never decodes a well-formed page as one string", () => {
    const findings = Array.from({ length: 100 }, (_, i) => ({ findingArn: `arn:${i}`, title: `CVE "${i}" [x] {y} \\ é 🛡`, n: i / 3, nested: [[], {}, [null]] }));
    const body = Buffer.from(JSON.stringify({ findings, nextToken: "t" }), "utf8");
    const whole = parseWhole(body);
    const parse = vi.spyOn(JSON, "parse");
    const { data, elements } = parseByElements(body, "findings");
    const longest = Math.max(...parse.mock.calls.map(([text]) => String(text).length));
    vi.restoreAllMocks();
    expect(data).toEqual(whole);
    expect(elements).toHaveLength(100);
    expect(parse.mock.calls.length).toBe(101); // the skeleton and each element
    expect(longest).toBeLessThan(body.length / 40);
  });

  it("fails as JSON.parse fails on a malformed body, wherever it is cut or changed", () => {
    const body = Buffer.from(JSON.stringify({ findings: [{ a: "x]}\"", b: [1, { c: null }] }, { d: "é" }, 3], nextToken: "n" }), "utf8");
    fc.assert(
      fc.property(fc.nat(body.length - 1), fc.constantFrom("cut", "drop", "insert"), fc.constantFrom(...'{}[]",:0ax\\ '), (at, how, c) => {
        const bad = how === "cut" ? body.subarray(0, at)
          : how === "drop" ? Buffer.concat([body.subarray(0, at), body.subarray(at + 1)])
          : Buffer.concat([body.subarray(0, at), Buffer.from(c), body.subarray(at)]);
        const expected = errorOf(() => parseWhole(bad));
        expect(errorOf(() => parseByElements(bad, "findings"))).toBe(expected);
        if (!expected) expect(parseByElements(bad, "findings").data).toEqual(parseWhole(bad));
      }),
      { numRuns: 500 },
    );
  });

  it("takes the last of a key written twice, as JSON.parse does, and then gives no elements it cannot match", () => {
    const twice = Buffer.from('{"findings":[{"a":1},{"a":2}],"nextToken":"x","findings":[{"b":3}]}', "utf8");
    const r = parseByElements(twice, "findings");
    expect(r.data).toEqual({ findings: [{ b: 3 }], nextToken: "x" });
    expect(r.elements).toBeUndefined();
    const emptyFirst = Buffer.from('{"findings":[],"findings":[{"b":3}]}', "utf8");
    const e = parseByElements(emptyFirst, "findings");
    expect(e.data).toEqual({ findings: [{ b: 3 }] });
    expect(e.elements!.map(String)).toEqual(['{"b":3}']);
  });

  it("reads a body without the array, or with it empty, as JSON.parse does", () => {
    for (const text of ['{"nextToken":"x"}', '{"findings":[]}', "[]", "null", '"findings"']) {
      const body = Buffer.from(text, "utf8");
      expect(parseByElements(body, "findings").data).toEqual(JSON.parse(text));
    }
  });
});
