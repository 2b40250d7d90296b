import { TEMPLATES } from "../catalogue/templates";
import { findingIndexFromArn, packageOf } from "../world/finding-view";
import type { World } from "../world/types";
import { FINDING_KEYS, type KeySpec } from "./filter-keys";
import { andAll, compileKey, stringMatcher, valueMatcher, type Pred } from "./filter-compile";
import type { PackageFilter, StringFilter } from "./filter-types";
import { validateCriteria } from "./validate-criteria";

// FilterCriteria for findings (ListFindings, suppression rules). Also reports which
// accounts or finding indexes could match, so a page need not scan the whole region.

export const FINDING_COMPARISONS = ["EQUALS", "PREFIX", "NOT_EQUALS"] as const;

export interface CompiledFindingFilter {
  pred: Pred;
  accountIds?: string[];
  findingIdx?: number[];
}

const TEMPLATE_PACKAGE_FIELDS = new Set(["name", "version", "release", "epoch"]);

function packageEntry(w: World, f: PackageFilter): Pred {
  const tests: [string, (v: string | number | undefined) => boolean][] = Object.entries(f).map(([k, v]) => [
    k, k === "epoch" ? (x) => valueMatcher("number", [v])(x as number) : (x) => stringMatcher([v as StringFilter])(x as string),
  ]);
  const templateOnly = Object.keys(f).every((k) => TEMPLATE_PACKAGE_FIELDS.has(k));
  const pkgOf = (i: number) => {
    if (!templateOnly) return packageOf(w, i);
    const t = TEMPLATES[w.f.tpl.data[i]];
    if (!t.cve) return undefined;
    const full = t.cve.version;
    if (t.family === "deb" || t.family === "rpm") {
      const [ep, rest] = full.includes(":") ? full.split(":") : ["0", full];
      const dash = rest.indexOf("-");
      return { name: t.cve.pkg, version: dash < 0 ? rest : rest.slice(0, dash), release: dash < 0 ? undefined : rest.slice(dash + 1), epoch: Number(ep) };
    }
    return { name: t.cve.pkg, version: full };
  };
  const eval1 = (i: number) => {
    const pkg = pkgOf(i);
    return !!pkg && tests.every(([k, test]) => test(pkg[k as keyof typeof pkg] as string | number | undefined));
  };
  if (!templateOnly) return eval1;
  const memo = new Int8Array(TEMPLATES.length);
  return (i) => {
    const t = w.f.tpl.data[i];
    if (memo[t] === 0) memo[t] = eval1(i) ? 2 : 1;
    return memo[t] === 2;
  };
}

export function compileFindingFilter(w: World, criteria: unknown, at = "filterCriteria", keys: Record<string, KeySpec> = FINDING_KEYS): CompiledFindingFilter {
  const c = validateCriteria(criteria, at, keys, FINDING_COMPARISONS);
  const fast: Pred[] = [], slow: Pred[] = [];
  const resolvers = { tplOf: (i: number) => w.f.tpl.data[i], resOf: (i: number) => w.f.res.data[i], tplCount: TEMPLATES.length, resCount: w.res.type.length };
  const out: CompiledFindingFilter = { pred: () => true };
  for (const [key, entries] of Object.entries(c)) {
    if (!entries) continue;
    const spec = keys[key];
    if (key === "vulnerablePackages") {
      const ors = (entries as PackageFilter[]).map((e) => packageEntry(w, e));
      slow.push((i) => ors.some((p) => p(i)));
      continue;
    }
    (spec.level === "mixed" ? slow : fast).push(compileKey(w, spec, entries, resolvers));
    const sf = entries as StringFilter[];
    const onlyEquals = sf.every((e) => e.comparison === "EQUALS");
    if (key === "awsAccountId" && onlyEquals) out.accountIds = sf.map((e) => e.value);
    if (key === "findingArn" && onlyEquals) out.findingIdx = sf.map((e) => findingIndexFromArn(w, e.value)).filter((i) => i >= 0);
  }
  out.pred = andAll([...fast, ...slow]);
  return out;
}
