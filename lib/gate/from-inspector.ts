// Inspector's own Finding and CoveredResource shapes (as the SDK or the raw JSON has them) into
// the gate's facts: used by the CLI's --wait path and by the API when a caller brings live data.
import type { GateFinding, ScanState } from "./types";
import { scanStateOf } from "./scan-state";
import type { FixAvailable } from "./finding-facts";
import type { Finding } from "@aws-sdk/client-inspector2";
import { findingKey, relatedVulnerabilities } from "@/lib/sync/map/finding-key";

type Raw = Record<string, unknown>;
const obj = (v: unknown): Raw => (v && typeof v === "object" ? (v as Raw) : {});
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
/** SDK Dates, epoch seconds (raw JSON) or ISO strings. */
export const toDate = (v: unknown): Date | null =>
  v instanceof Date ? v : typeof v === "number" ? new Date(v * 1000) : typeof v === "string" && !Number.isNaN(Date.parse(v)) ? new Date(v) : null;

export function gateFindingFromInspector(raw: unknown): GateFinding {
  const f = obj(raw);
  const pvd = obj(f.packageVulnerabilityDetails);
  const cvss = Array.isArray(pvd.cvss) ? pvd.cvss.map((c) => num(obj(c).baseScore)).filter((x): x is number => x !== null) : [];
  const pkgs = Array.isArray(pvd.vulnerablePackages) ? pvd.vulnerablePackages.map((p) => str(obj(p).name)).filter((x): x is string => !!x) : [];
  const resources = Array.isArray(f.resources) ? f.resources.map(obj) : [];
  const res = resources[0] ?? {};
  const exploit = str(f.exploitAvailable);
  const fix = str(f.fixAvailable);
  return {
    arn: str(f.findingArn) ?? "", title: str(f.title) ?? "", severity: str(f.severity) ?? "UNTRIAGED", status: str(f.status) ?? "ACTIVE",
    type: str(f.type) ?? "PACKAGE_VULNERABILITY", inspectorScore: num(f.inspectorScore), cvss: cvss.length ? Math.max(...cvss) : null,
    epss: num(obj(f.epss).score), exploitAvailable: exploit === "YES" ? true : exploit === "NO" ? false : null,
    fixAvailable: fix === "YES" || fix === "NO" || fix === "PARTIAL" ? (fix as FixAvailable) : null,
    vulnerabilityId: str(pvd.vulnerabilityId), findingKey: findingKey(raw as Finding), relatedVulnerabilities: relatedVulnerabilities(raw as Finding),
    packageNames: pkgs, resourceId: str(res.id) ?? "", resourceIds: resources.map((r) => str(r.id)).filter((x): x is string => !!x),
    firstObservedAt: toDate(f.firstObservedAt) ?? new Date(0),
  };
}

export function scanStateFromCoverage(raw: unknown | null): ScanState {
  if (!raw) return scanStateOf(null);
  const c = obj(raw);
  const s = obj(c.scanStatus);
  return scanStateOf({ statusCode: str(s.statusCode) ?? "INACTIVE", reason: str(s.reason), lastScannedAt: toDate(c.lastScannedAt) });
}
