// The members of one JSON object as byte ranges of its text (`"key":value`), found by a structural
// scan like json-array-elements.ts: no parse, no copy. Only for bytes JSON.parse has accepted.
import { stringEnd } from "./json-array-elements";

export interface JsonMember {
  /** The key as written between its quotes (escapes left as they are). */
  key: string;
  /** The key's opening quote. */
  start: number;
  /** The value's first byte. */
  valueStart: number;
  /** Just past the value's last byte. */
  end: number;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Members of the object whose `{` is at `open` (by default the text's first non-space byte), in
 *  order; [] when the value there is not an object. */
export function objectMembers(bytes: Buffer, open = skipSpace(bytes, 0)): JsonMember[] {
  if (bytes[open] !== 123) return [];
  const out: JsonMember[] = [];
  let i = skipSpace(bytes, open + 1);
  while (i < bytes.length && bytes[i] === 34) {
    const keyEnd = stringEnd(bytes, i);
    const key = bytes.toString("utf8", i + 1, keyEnd);
    const valueStart = skipSpace(bytes, skipSpace(bytes, keyEnd + 1) + 1); // past the colon
    const end = valueEnd(bytes, valueStart);
    out.push({ key, start: i, valueStart, end });
    i = skipSpace(bytes, end);
    if (bytes[i] !== 44) break; // the object's closing brace
    i = skipSpace(bytes, i + 1);
  }
  return out;
}

function skipSpace(bytes: Buffer, i: number): number {
  while (i < bytes.length && isSpace(bytes[i])) i++;
  return i;
}

/** Just past the value starting at `i`: a string, an object or array (nesting counted, strings
 *  skipped), or a number, true, false or null (up to the next comma, brace or space). */
function valueEnd(bytes: Buffer, i: number): number {
  const c = bytes[i];
  if (c === 34) return stringEnd(bytes, i) + 1;
  if (c !== 123 && c !== 91) {
    let j = i;
    while (j < bytes.length && bytes[j] !== 44 && bytes[j] !== 125 && bytes[j] !== 93 && !isSpace(bytes[j])) j++;
    return j;
  }
  let depth = 0;
  for (let j = i; j < bytes.length; j++) {
    const b = bytes[j];
    if (b === 34) j = stringEnd(bytes, j);
    else if (b === 123 || b === 91) depth++;
    else if ((b === 125 || b === 93) && --depth === 0) return j + 1;
  }
  return bytes.length;
}
