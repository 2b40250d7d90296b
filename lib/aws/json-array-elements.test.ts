import { describe, expect, it } from "vitest";
import { jsonArrayElements as elementsOf } from "./json-array-elements";

/** The elements' texts, from the document's UTF-8 bytes. */
const jsonArrayElements = (text: string, key: string) => elementsOf(Buffer.from(text, "utf8"), key).map((b) => b.toString("utf8"));

const roundTrip = (doc: unknown, key: string) => {
  const text = JSON.stringify(doc);
  const elements = jsonArrayElements(text, key);
  expect(elements.map((e) => JSON.parse(e))).toEqual((doc as Record<string, unknown[]>)[key] ?? []);
  return elements;
};

describe("jsonArrayElements", () => {
  it("returns each element's exact source text, whatever the member order and the other members", () => {
    const text = '{"nextToken":"findings","findings":[{"a":1,"b":[1,{"c":"}"}]} , {"x":"]"}],"other":[{"no":1}]}';
    expect(jsonArrayElements(text, "findings")).toEqual(['{"a":1,"b":[1,{"c":"}"}]}', '{"x":"]"}']);
    expect(jsonArrayElements(text, "other")).toEqual(['{"no":1}']);
  });

  it("skips strings with escaped quotes, backslashes, braces and non-ASCII text", () => {
    roundTrip({ findings: [{ t: 'say "hi" {[', p: "C:\\dir\\", q: "\\\"", u: "añ€😀\u001e" }, { n: null }] }, "findings");
  });

  it("handles whitespace, an empty array, primitive elements and a missing member", () => {
    expect(jsonArrayElements('{ "findings" : [ ] }', "findings")).toEqual([]);
    expect(jsonArrayElements('{"findings":[1, true,null ,"s\\"x", -2.5e3]}', "findings")).toEqual(["1", "true", "null", '"s\\"x"', "-2.5e3"]);
    expect(jsonArrayElements('{"nextToken":"abc"}', "findings")).toEqual([]);
    expect(jsonArrayElements('{"findingsX":[{"a":1}]}', "findings")).toEqual([]);
  });

  it("returns views of the body's bytes, not copies", () => {
    const body = Buffer.from('{"findings":[{"t":"añ€"},{"u":1}]}', "utf8");
    const [first] = elementsOf(body, "findings");
    expect(first.buffer).toBe(body.buffer);
    expect(first.byteOffset - body.byteOffset).toBe(body.indexOf("{", 1));
    expect(first.toString("utf8")).toBe('{"t":"añ€"}');
  });

  it("agrees with JSON.parse on a large generated page", () => {
    const findings = Array.from({ length: 300 }, (_, i) => ({
      findingArn: `arn:${i}`, title: `CVE-${i} "q" \\ {}`, n: i / 7, tags: { k: ["a", "b]"] }, nested: [[i], { deep: [{ x: "y" }] }],
    }));
    const elements = roundTrip({ nextToken: "t", findings }, "findings");
    expect(elements).toHaveLength(300);
    expect(elements[5]).toBe(JSON.stringify(findings[5]));
  });
});
