import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { objectMembers } from "./json-object-members";

const members = (text: string, open?: number) => {
  const bytes = Buffer.from(text, "utf8");
  return objectMembers(bytes, open).map((m) => ({ key: m.key, text: bytes.toString("utf8", m.start, m.end), value: bytes.toString("utf8", m.valueStart, m.end) }));
};

describe("objectMembers", () => {
  it("gives each member's exact text, past strings holding braces, quotes, commas and escapes", () => {
    const text = '{ "a" : 1 ,"b":{"c":"},]\\"{","d":[1,{"e":null}]} ,\n "f":"x\\\\", "g":true,"h":-2.5e3 }';
    expect(members(text)).toEqual([
      { key: "a", text: '"a" : 1', value: "1" },
      { key: "b", text: '"b":{"c":"},]\\"{","d":[1,{"e":null}]}', value: '{"c":"},]\\"{","d":[1,{"e":null}]}' },
      { key: "f", text: '"f":"x\\\\"', value: '"x\\\\"' },
      { key: "g", text: '"g":true', value: "true" },
      { key: "h", text: '"h":-2.5e3', value: "-2.5e3" },
    ]);
  });

  it("reads a nested object from its opening brace, and nothing from a non-object", () => {
    const text = '{"outer":{"x":[1],"y":"é😀"},"z":2}';
    expect(members(text, text.indexOf("{", 1)).map((m) => m.key)).toEqual(["x", "y"]);
    expect(members("[1,2]")).toEqual([]);
    expect(members("{}")).toEqual([]);
    expect(members('  {"only":null}')).toEqual([{ key: "only", text: '"only":null', value: "null" }]);
  });

  it("each member's value parses back to the object's value, for any JSON object and indentation", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.constantFrom(0, 1, 2, "\t"), (doc, indent) => {
        const text = JSON.stringify(doc, null, indent);
        const found = members(text);
        expect(found.map((m) => m.key)).toEqual(Object.keys(doc).map((k) => JSON.stringify(k).slice(1, -1)));
        const values = Object.values(JSON.parse(text) as Record<string, unknown>);
        found.forEach((m, i) => expect(JSON.parse(m.value)).toEqual(values[i]));
      }),
      { numRuns: 300 },
    );
  });
});
