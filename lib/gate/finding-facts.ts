// Does one finding meet a rule's conditions? Every condition present must hold; a condition on a
// fact the finding lacks (no EPSS score, exploit not applicable) does not hold.
import type { Condition } from "./policy-schema";
import type { GateFinding } from "./types";

export type FixAvailable = "YES" | "NO" | "PARTIAL";

const DAY_MS = 86_400_000;

export function ageDays(f: Pick<GateFinding, "firstObservedAt">, now: Date): number {
  return Math.floor((now.getTime() - f.firstObservedAt.getTime()) / DAY_MS);
}

const atLeast = (v: number | null, min: number | undefined) => min === undefined || (v !== null && v >= min);
const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));

export function meetsCondition(c: Condition, f: GateFinding, now: Date): boolean {
  if (c.severities && !c.severities.includes(f.severity as never)) return false;
  if (!atLeast(f.inspectorScore, c.minInspectorScore)) return false;
  if (!atLeast(f.cvss, c.minCvss)) return false;
  if (!atLeast(f.epss, c.minEpss)) return false;
  if (c.exploitAvailable !== undefined && f.exploitAvailable !== c.exploitAvailable) return false;
  if (c.fixAvailable && (f.fixAvailable === null || !c.fixAvailable.includes(f.fixAvailable))) return false;
  if (c.minAgeDays !== undefined && ageDays(f, now) < c.minAgeDays) return false;
  if (c.findingTypes && !c.findingTypes.includes(f.type as never)) return false;
  const pkgs = f.packageNames.map((p) => p.toLowerCase());
  const cve = f.vulnerabilityId?.toUpperCase() ?? null;
  if (c.packages && !pkgs.some((p) => lower(c.packages!).has(p))) return false;
  if (c.excludePackages && pkgs.some((p) => lower(c.excludePackages!).has(p))) return false;
  if (c.cves && (cve === null || !c.cves.some((x) => x.toUpperCase() === cve))) return false;
  if (c.excludeCves && cve !== null && c.excludeCves.some((x) => x.toUpperCase() === cve)) return false;
  return true;
}
