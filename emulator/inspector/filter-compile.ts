import type { World } from "../world/types";
import type { KeySpec, Value } from "./filter-keys";
import type { DateFilter, MapFilter, NumberFilter, PortRangeFilter, StringFilter } from "./filter-types";

// Criteria -> predicate over an index. AND across keys; within a key EQUALS/PREFIX entries
// are OR-ed and any NOT_EQUALS entry that matches excludes.

export type Pred = (i: number) => boolean;

const asList = (v: Value): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [String(v)]);

export function stringMatcher(entries: StringFilter[]): (v: Value) => boolean {
  const pos = entries.filter((e) => e.comparison !== "NOT_EQUALS");
  const neg = entries.filter((e) => e.comparison === "NOT_EQUALS").map((e) => e.value);
  return (v) => {
    const vals = asList(v);
    for (const n of neg) if (vals.includes(n)) return false;
    if (pos.length === 0) return true;
    for (const p of pos) for (const x of vals) if (p.comparison === "EQUALS" ? x === p.value : x.startsWith(p.value)) return true;
    return false;
  };
}

const inRange = (v: number, lo?: number | null, hi?: number | null) =>
  (lo === undefined || lo === null || v >= lo) && (hi === undefined || hi === null || v <= hi);

export function valueMatcher(kind: string, entries: unknown[]): (v: Value) => boolean {
  if (kind === "string") return stringMatcher(entries as StringFilter[]);
  if (kind === "date") {
    const d = entries as DateFilter[];
    return (v) => typeof v === "number" && d.some((e) => inRange(v, e.startInclusive, e.endInclusive));
  }
  if (kind === "number") {
    const d = entries as NumberFilter[];
    return (v) => typeof v === "number" && d.some((e) => inRange(v, e.lowerInclusive, e.upperInclusive));
  }
  if (kind === "map") {
    const d = entries as MapFilter[];
    return (v) => {
      if (!v || typeof v !== "object" || Array.isArray(v)) return false;
      const tags = v as Record<string, string>;
      return d.some((e) => e.key in tags && (e.value === undefined || tags[e.key] === e.value));
    };
  }
  if (kind === "port") {
    const d = entries as PortRangeFilter[];
    return (v) => {
      if (!Array.isArray(v)) return false;
      const [b, e] = [Number(v[0]), Number(v[1])];
      return d.some((f) => (f.beginInclusive ?? 0) <= b && e <= (f.endInclusive ?? 65535));
    };
  }
  throw new Error(`no matcher for ${kind}`);
}

export interface Resolvers {
  tplOf?: (i: number) => number;
  resOf: (i: number) => number;
  tplCount: number;
  resCount: number;
}

function memoised(count: number, of: (i: number) => number, eval1: (n: number) => boolean): Pred {
  const memo = new Int8Array(count);
  return (i) => {
    const n = of(i);
    if (n >= count) return eval1(n);
    let m = memo[n];
    if (m === 0) memo[n] = m = eval1(n) ? 2 : 1;
    return m === 2;
  };
}

/** Builds one predicate for one key; `custom` covers keys that need their own logic. */
export function compileKey(w: World, spec: KeySpec, entries: unknown[], r: Resolvers): Pred {
  const match = valueMatcher(spec.kind, entries);
  if (spec.level === "template" && r.tplOf) return memoised(r.tplCount, r.tplOf, (n) => match(spec.get(w, n)));
  if (spec.level === "resource") return memoised(r.resCount, r.resOf, (n) => match(spec.get(w, n)));
  return (i) => match(spec.get(w, i));
}

export function andAll(preds: Pred[]): Pred {
  if (preds.length === 0) return () => true;
  if (preds.length === 1) return preds[0];
  return (i) => {
    for (const p of preds) if (!p(i)) return false;
    return true;
  };
}
