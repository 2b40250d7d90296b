// Finding shapes real Inspector sends and the demo does not, each behind a quirk (off for the
// demo): findings listing several resources (1–10 in the model; here a few neighbours of the same
// type, account and region), and GitHub-advisory package findings: some ecosystem vulnerabilities
// have only a GHSA id (no CVE), the others list their GHSA alias in relatedVulnerabilities.
import type { Template } from "../catalogue/templates";
import { hash32, hashUnit } from "../prng";
import { resourceInfo } from "./resource-info";
import type { World } from "./types";

/** Share of findings with more than one resource, and of advisory-backed vulnerabilities without a CVE. */
export const MULTI_RESOURCE_SHARE = 0.15;
export const GHSA_ONLY_SHARE = 0.35;
const OS_FAMILIES = new Set(["deb", "rpm", "win"]);
// GitHub's advisory ids: three groups of four from this alphabet, lower case.
const GHSA_ALPHABET = "23456789cfghjmpqrvwx";

/** The advisory id of a template's vulnerability, stable for a seed. */
export function ghsaId(w: World, t: Template): string {
  const group = (k: number) => Array.from({ length: 4 }, (_, j) => GHSA_ALPHABET[hash32(w.seed, 0x65a, t.index, k, j) % 20]).join("");
  return `GHSA-${group(0)}-${group(1)}-${group(2)}`;
}

/** How the package details name the vulnerability under the GHSA quirk (undefined: quirk off or an OS package). */
export function advisoryNaming(w: World, t: Template): { vulnerabilityId: string; related: string[] } | undefined {
  if (!w.quirks.ghsaFindings || !t.cve || OS_FAMILIES.has(t.cve.family)) return undefined;
  const ghsa = ghsaId(w, t);
  return hashUnit(w.seed, 0x65b, t.index) < GHSA_ONLY_SHARE ? { vulnerabilityId: ghsa, related: [] } : { vulnerabilityId: t.cve.id, related: [ghsa] };
}

/** Wire resources after the primary one: up to two later resources of the same type, account and region. */
export function extraResources(w: World, i: number, r: number): Record<string, unknown>[] {
  if (!w.quirks.multiResource || hashUnit(w.seed, 0x3e5, i) >= MULTI_RESOURCE_SHARE) return [];
  const R = w.res, want = 1 + (hash32(w.seed, 0x3e6, i) % 2), out: Record<string, unknown>[] = [];
  for (let k = r + 1; k < R.type.length && out.length < want && k <= r + 8; k++) {
    if (R.type.data[k] !== R.type.data[r] || R.account.data[k] !== R.account.data[r] || R.region.data[k] !== R.region.data[r]) continue;
    const info = resourceInfo(w, k);
    out.push({ type: info.type, id: info.id, partition: "aws", region: info.region, tags: info.tags, details: info.details });
  }
  return out;
}

/** A GHSA-only finding is titled by its advisory id, as Inspector titles by vulnerability id. */
export function advisoryTitle(w: World, t: Template): string {
  const advisory = advisoryNaming(w, t);
  return advisory && t.cve && advisory.vulnerabilityId !== t.cve.id ? t.title.replace(t.cve.id, advisory.vulnerabilityId) : t.title;
}
