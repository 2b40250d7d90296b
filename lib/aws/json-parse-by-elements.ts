// JSON.parse of a response body whose bulk is one top-level array member (ListFindings' `findings`,
// ListCoverage's `coveredResources`), done element by element. The body's text as one string is a
// "large object" to V8 (over ~128 KB: a page of 100 findings is ~200 KB), given fresh memory from the
// OS each time, and on this VM a page fault costs ~15 µs: decoding the page into one string cost
// ~7.6 µs a finding, most of it faults. Each element's text is a few KB and lives in V8's young
// generation instead.
//
// It stays a parse, not a scan: the body with every element replaced by `0` must parse, its array
// must hold exactly those zeros, and every element must parse on its own. Then the body is valid
// JSON and JSON.parse of it gives the same value. Anything else (a malformed body, a key written
// twice) goes to JSON.parse of the whole body, which gives the value, or the error, it always gave.
import { jsonArrayElements } from "./json-array-elements";

type Json = Record<string, unknown>;

const PLACEHOLDER = Buffer.from("0");

/** The parsed body, and the source bytes of each element of its `key` array when they match the
 *  parsed elements one to one (undefined otherwise). */
export function parseByElements(body: Buffer, key: string): { data: Json; elements: Buffer[] | undefined } {
  const elements = jsonArrayElements(body, key);
  if (elements.length) {
    const data = parsedAround(body, key, elements);
    if (data) return { data, elements };
  }
  const data = JSON.parse(body.toString("utf8")) as Json;
  const parsed = (data as Json | null)?.[key];
  return { data, elements: Array.isArray(parsed) && parsed.length === elements.length ? elements : undefined };
}

/** The body parsed from its skeleton and its elements, or undefined when either does not parse or
 *  the skeleton's array is not exactly the placeholders. */
function parsedAround(body: Buffer, key: string, elements: Buffer[]): Json | undefined {
  const pieces: Buffer[] = [];
  let at = 0;
  for (const e of elements) {
    const start = e.byteOffset - body.byteOffset;
    pieces.push(body.subarray(at, start), PLACEHOLDER);
    at = start + e.length;
  }
  pieces.push(body.subarray(at));
  try {
    const data = JSON.parse(Buffer.concat(pieces).toString("utf8")) as Json;
    const array = (data as Json | null)?.[key];
    if (!Array.isArray(array) || array.length !== elements.length || !array.every((v) => v === 0)) return undefined;
    data[key] = elements.map((e) => JSON.parse(e.toString("utf8")));
    return data;
  } catch {
    return undefined;
  }
}
