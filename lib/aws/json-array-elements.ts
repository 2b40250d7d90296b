// The source bytes of each element of one top-level array member of a JSON document, found by a
// structural scan of the UTF-8 body (strings skipped with indexOf) instead of re-serialising what
// JSON.parse built. UTF-8 never puts an ASCII byte inside a multi-byte character, so quotes,
// backslashes and brackets are found byte by byte. Each element is a view of the body, not a copy.
// Only for bytes JSON.parse has already accepted: it does not validate.

/** Index of the quote closing the string whose opening quote is at `open`. */
export function stringEnd(bytes: Buffer, open: number): number {
  let q = bytes.indexOf(34, open + 1);
  for (;;) {
    if (q < 0) return bytes.length;
    let slashes = 0;
    while (bytes[q - 1 - slashes] === 92) slashes++;
    if (slashes % 2 === 0) return q;
    q = bytes.indexOf(34, q + 1);
  }
}

const isKey = (bytes: Buffer, quote: number, key: Buffer) =>
  bytes[quote + 1 + key.length] === 34 && bytes.subarray(quote + 1, quote + 1 + key.length).equals(key);

/** `{"findings":[{…},{…}],…}` → views of `{…}`, `{…}` in the member named `key`; [] when absent. */
export function jsonArrayElements(bytes: Buffer, key: string): Buffer[] {
  const name = Buffer.from(key, "utf8");
  const out: Buffer[] = [];
  let depth = 0;
  let keyAt = -1; // opening quote of the last string seen directly inside the top-level object
  let inTarget = false;
  let start = -1;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 34) {
      if (depth === 1) keyAt = i;
      else if (depth === 2 && inTarget) start = i; // a string element
      const end = stringEnd(bytes, i);
      if (depth === 2 && inTarget) out.push(bytes.subarray(start, end + 1));
      i = end;
    } else if (c === 123 || c === 91) {
      depth++;
      // An array directly in the top-level object is preceded by its key, the last string seen there.
      if (depth === 2) inTarget = c === 91 && keyAt >= 0 && isKey(bytes, keyAt, name);
      else if (depth === 3 && inTarget) start = i;
    } else if (c === 125 || c === 93) {
      if (depth === 3 && inTarget) out.push(bytes.subarray(start, i + 1));
      if (depth === 2) inTarget = false;
      depth--;
    } else if (depth === 2 && inTarget && c !== 44 && c > 32) {
      // A number, true, false or null element: runs to the next comma or the array's end.
      let j = i;
      while (j < bytes.length && bytes[j] !== 44 && bytes[j] !== 93 && bytes[j] > 32) j++;
      out.push(bytes.subarray(i, j));
      i = j - 1;
    }
  }
  return out;
}
