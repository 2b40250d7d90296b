// Scores of a finding: Inspector's own score, the CVSS base score and EPSS.
import type { Finding } from "@aws-sdk/client-inspector2";

const versionRank = (v: string | undefined) => Number.parseFloat(v ?? "0") || 0;

/** Base score of the newest CVSS version (NVD preferred on a tie), else the adjusted CVSS. */
export function cvssBaseScore(f: Finding): number | null {
  const entries = (f.packageVulnerabilityDetails?.cvss ?? []).filter((c) => Number.isFinite(c.baseScore));
  if (entries.length) {
    const best = entries.reduce((a, b) => {
      const dv = versionRank(b.version) - versionRank(a.version);
      if (dv !== 0) return dv > 0 ? b : a;
      return a.source !== "NVD" && b.source === "NVD" ? b : a;
    });
    return best.baseScore ?? null;
  }
  const adjusted = f.inspectorScoreDetails?.adjustedCvss?.score;
  return Number.isFinite(adjusted) ? (adjusted as number) : null;
}

export function inspectorScore(f: Finding): number | null {
  return Number.isFinite(f.inspectorScore) ? (f.inspectorScore as number) : null;
}

export function epssScore(f: Finding): number | null {
  const s = f.epss?.score;
  return Number.isFinite(s) ? (s as number) : null;
}
