// The vulnerable packages of a finding, trimmed to what the explorer filters and shows.
import type { Finding } from "@aws-sdk/client-inspector2";

export interface PackageRow {
  name: string;
  version: string | null;
  fixedInVersion: string | null;
  packageManager: string | null;
  remediation: string | null;
  filePath: string | null;
}

/** Inspector writes "NotAvailable" when there is no fixed version; the cache stores null. */
const fixedVersion = (v: string | undefined) => (v && v !== "NotAvailable" ? v : null);

export function findingPackages(f: Finding): PackageRow[] {
  return (f.packageVulnerabilityDetails?.vulnerablePackages ?? [])
    .filter((p) => p.name)
    .map((p) => ({
      name: p.name as string,
      version: p.version ?? null,
      fixedInVersion: fixedVersion(p.fixedInVersion),
      packageManager: p.packageManager ?? null,
      remediation: p.remediation ?? null,
      filePath: p.filePath ?? null,
    }));
}

/** Distinct package names, in the order Inspector lists them. */
export function packageNames(packages: PackageRow[]): string[] {
  return [...new Set(packages.map((p) => p.name))];
}
