import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { jsonWithoutNul, nulField, nulFormField, textWithoutNul } from "@/lib/domain/without-nul";

const replaced = (v: unknown): unknown =>
  typeof v === "string" ? v.replaceAll("\0", "\ufffd")
  : Array.isArray(v) ? v.map(replaced)
  : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [replaced(k), replaced(x)]))
  : v;

const withoutAnyNul = (v: unknown): unknown =>
  typeof v === "string" ? v.replaceAll("\0", "")
  : Array.isArray(v) ? v.map(withoutAnyNul)
  : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k.replaceAll("\0", ""), withoutAnyNul(x)]))
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

  it("names where a NUL sits in a request's JSON: the first text or key holding one, by its path", () => {
    expect(nulField({ name: "ok", scope: { accounts: ["111111111111", "2\0"] } })).toBe("scope.accounts.1");
    expect(nulField({ "a\0b": 1 })).toBe("a\ufffdb");
    expect(nulField("x\0", "(document)")).toBe("(document)");
    expect(nulField({ first: "\0", second: "\0" })).toBe("first");
    expect(nulField({ name: "no nul \\u0000 here", n: 1, b: true, z: null })).toBeNull();
    // Deeper than the call stack goes: a body may be.
    let deep: unknown = "\0";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nulField(deep)?.split(".").length).toBe(100_000);
    // Any JSON value with one NUL put in at a random text: that text's path is named.
    fc.assert(fc.property(fc.jsonValue(), fc.nat(), (value, pick) => {
      const texts: { path: string; set: (s: string) => void }[] = [];
      const clean = withoutAnyNul(value);
      const walk = (v: unknown, path: string, set: (x: unknown) => void) => {
        if (typeof v === "string") texts.push({ path, set: (s) => set(s) });
        else if (Array.isArray(v)) v.forEach((x, i) => walk(x, path ? `${path}.${i}` : String(i), (y) => { v[i] = y; }));
        else if (v && typeof v === "object") for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], path ? `${path}.${k}` : k, (y) => { (v as Record<string, unknown>)[k] = y; });
      };
      const holder = { v: clean };
      walk(clean, "", (y) => { holder.v = y; });
      if (!texts.length) {
        expect(nulField(holder.v)).toBeNull();
      } else {
        const t = texts[pick % texts.length];
        t.set("a\0b");
        expect(nulField(holder.v)).toBe(t.path || "body");
      }
    }), { numRuns: 300 });
  });

  it("names the form field whose name or text holds a NUL; files are not texts", () => {
    const form = new FormData();
    form.set("reason", "fine");
    form.set("upload", new Blob(["\0"]), "a.bin");
    expect(nulFormField(form)).toBeNull();
    form.set("owner", "me\0");
    expect(nulFormField(form)).toBe("owner");
    const named = new FormData();
    named.set("x\0", "v");
    expect(nulFormField(named)).toBe("x\ufffd");
  });
});
