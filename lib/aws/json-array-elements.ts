// The source text of each element of one top-level array member of a JSON document, found by a
// structural scan (strings skipped with indexOf) instead of re-serialising what JSON.parse built.
// Only for text JSON.parse has already accepted: it does not validate.

/** Index of the quote closing the string whose opening quote is at `open`. */
function stringEnd(text: string, open: number): number {
  let q = text.indexOf('"', open + 1);
  for (;;) {
    if (q < 0) return text.length;
    let slashes = 0;
    while (text.charCodeAt(q - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return q;
    q = text.indexOf('"', q + 1);
  }
}

/** `{"findings":[{…},{…}],…}` → the texts `{…}`, `{…}` of the member named `key`; [] when absent. */
export function jsonArrayElements(text: string, key: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let keyAt = -1; // opening quote of the last string seen directly inside the top-level object
  let inTarget = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      if (depth === 1) keyAt = i;
      else if (depth === 2 && inTarget) start = i; // a string element
      const end = stringEnd(text, i);
      if (depth === 2 && inTarget) out.push(text.slice(start, end + 1));
      i = end;
    } else if (c === 123 || c === 91) {
      depth++;
      // An array directly in the top-level object is preceded by its key, the last string seen there.
      if (depth === 2) inTarget = c === 91 && keyAt >= 0 && text.startsWith(key, keyAt + 1) && text.charCodeAt(keyAt + 1 + key.length) === 34;
      else if (depth === 3 && inTarget) start = i;
    } else if (c === 125 || c === 93) {
      if (depth === 3 && inTarget) out.push(text.slice(start, i + 1));
      if (depth === 2) inTarget = false;
      depth--;
    } else if (depth === 2 && inTarget && c !== 44 && c > 32) {
      // A number, true, false or null element: runs to the next comma or the array's end.
      let j = i;
      while (j < text.length && text.charCodeAt(j) !== 44 && text.charCodeAt(j) !== 93 && text.charCodeAt(j) > 32) j++;
      out.push(text.slice(i, j));
      i = j - 1;
    }
  }
  return out;
}
