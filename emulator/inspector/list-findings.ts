import { materialiseFinding } from "../world/finding-view";
import { findingVisible } from "../world/findings";
import type { World } from "../world/types";
import { compileFindingFilter } from "./finding-filter";
import { decodeToken, encodeToken, maxResults, oneOf, type Body } from "./params";
import { SORT_FIELDS, sortedMatches } from "./sort-findings";

// ListFindings. Unsorted pages walk the (ascending) candidate list from a cursor; sorted
// pages slice a cached sorted result. Either way the token is omitted on the last page.

export function candidates(w: World, region: number, filter: ReturnType<typeof compileFindingFilter>): ArrayLike<number> {
  const R = w.regions.length;
  if (filter.findingIdx) {
    const mine = filter.findingIdx.filter((i) => w.res.region.data[w.f.res.data[i]] === region);
    return Uint32Array.from(new Set(mine)).sort();
  }
  if (filter.accountIds) {
    const lists = [...new Set(filter.accountIds)].map((id) => w.accountById.get(id)).filter((a): a is number => a !== undefined)
      .map((a) => w.byAr[a * R + region]);
    if (lists.length === 1) return lists[0].data.subarray(0, lists[0].length);
    const out = new Uint32Array(lists.reduce((s, l) => s + l.length, 0));
    let n = 0;
    for (const l of lists) { out.set(l.data.subarray(0, l.length), n); n += l.length; }
    return out.sort();
  }
  const l = w.byRegion[region];
  return l.data.subarray(0, l.length);
}

function lowerBound(a: ArrayLike<number>, x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (a[mid] < x) lo = mid + 1; else hi = mid; }
  return lo;
}

export function listFindings(w: World, region: number, body: Body) {
  const max = maxResults(body, 100);
  const token = decodeToken(body);
  const sort = body.sortCriteria as Body | undefined;
  let field: string | undefined, order: "ASC" | "DESC" | undefined;
  if (sort !== undefined && sort !== null) {
    field = oneOf(sort, "field", SORT_FIELDS, true);
    order = oneOf(sort, "sortOrder", ["ASC", "DESC"] as const, true);
  }
  const filter = compileFindingFilter(w, body.filterCriteria);
  const match = (i: number) => findingVisible(w, i) && filter.pred(i);
  if (field && order) {
    const all = sortedMatches(w, region, body, field, order, () => {
      const out: number[] = [];
      const c = candidates(w, region, filter);
      for (let k = 0; k < c.length; k++) if (match(c[k])) out.push(c[k]);
      return out;
    });
    const offset = Number(token?.o ?? 0);
    const page = all.slice(offset, offset + max);
    const next = offset + max < all.length ? encodeToken({ o: offset + max }) : undefined;
    return { findings: page.map((i) => materialiseFinding(w, i)), ...(next ? { nextToken: next } : {}) };
  }
  const c = candidates(w, region, filter);
  const page: number[] = [];
  let k = lowerBound(c, Number(token?.c ?? 0));
  for (; k < c.length && page.length < max; k++) if (match(c[k])) page.push(c[k]);
  // Look ahead for one more match so the last page carries no token.
  while (k < c.length && !match(c[k])) k++;
  // With the pageOverlap quirk the next page starts at this page's last finding again.
  const from = w.quirks.pageOverlap && page.length >= 2 ? page[page.length - 1] : c[k];
  const next = k < c.length ? encodeToken({ c: from }) : undefined;
  return { findings: page.map((i) => materialiseFinding(w, i)), ...(next ? { nextToken: next } : {}) };
}
