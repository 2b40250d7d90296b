// Each CVE's, related vulnerability's and package's entries in the findings index (findings-index.ts),
// read from the index once, on the first question that needs them, and kept as long as that index. A
// question for one CVE (~6.5k of 1M findings) or one package (openssl-libs: 59k) then tests only those
// entries, not every open finding (636k at 1M): findings-index-answers.ts takes the smaller.
import type { FindingsIndex } from "./findings-index";

/** A column's entries by code: code c's are entries[start[c] .. start[c + 1]), ascending. */
interface Postings {
  start: Uint32Array;
  entries: Int32Array;
}

export type PostingsColumn = "key" | "related" | "package";

const held = new WeakMap<FindingsIndex, Map<PostingsColumn, Postings>>();

function postings(index: FindingsIndex, column: PostingsColumn): Postings {
  let byColumn = held.get(index);
  if (!byColumn) held.set(index, (byColumn = new Map()));
  let p = byColumn.get(column);
  if (!p) {
    // The key is one code per entry: a list of one at each entry.
    const lists = column === "key" ? { start: Uint32Array.from({ length: index.size + 1 }, (_, i) => i), codes: index.key } : column === "related" ? index.related : index.packages;
    byColumn.set(column, (p = ofLists(lists, index.dict[column].values.length)));
  }
  return p;
}

/** A column's postings from its lists per entry (an entry listing a code twice is there twice). */
function ofLists(lists: { start: Uint32Array; codes: Int32Array }, distinct: number): Postings {
  const start = new Uint32Array(distinct + 1);
  for (const c of lists.codes) start[c + 1]++;
  for (let c = 0; c < distinct; c++) start[c + 1] += start[c];
  const at = start.slice(0, distinct), entries = new Int32Array(lists.codes.length);
  for (let i = 0; i + 1 < lists.start.length; i++) for (let j = lists.start[i]; j < lists.start[i + 1]; j++) entries[at[lists.codes[j]]++] = i;
  return { start, entries };
}

/** How many entries the codes have in the column (with repeats). */
export function postingsCount(index: FindingsIndex, column: PostingsColumn, codes: readonly number[]): number {
  const { start } = postings(index, column);
  return codes.reduce((n, c) => n + start[c + 1] - start[c], 0);
}

/** The entries of the codes in the column, as one list (unordered when several codes, with repeats). */
export function postingsOf(index: FindingsIndex, column: PostingsColumn, codes: readonly number[]): Int32Array {
  const { start, entries } = postings(index, column);
  if (codes.length === 1) return entries.subarray(start[codes[0]], start[codes[0] + 1]);
  const out = new Int32Array(postingsCount(index, column, codes));
  let n = 0;
  for (const c of codes) {
    out.set(entries.subarray(start[c], start[c + 1]), n);
    n += start[c + 1] - start[c];
  }
  return out;
}
