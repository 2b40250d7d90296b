import type { World } from "../world/types";
import { codeFindingArn, codeRepoResourceId, codeRepos, type CodeRepo } from "./code-repos";

// Code repositories as Inspector's wire shapes: CODE_REPOSITORY coverage and findings
// (CODE_VULNERABILITY for SAST and IaC, PACKAGE_VULNERABILITY for SCA), epoch-second times.

type Raw = Record<string, unknown>;
const DAY = 86400;

const repoDetails = (r: CodeRepo) => ({ codeRepository: { projectName: r.name, integrationArn: r.integrationArn, providerType: "GITHUB" } });

export function codeCoverage(w: World, region: string): Raw[] {
  return codeRepos(w).filter((r) => r.region === region).map((r) => ({
    resourceType: "CODE_REPOSITORY", resourceId: codeRepoResourceId(r), accountId: r.accountId, scanType: "CODE",
    scanStatus: { statusCode: "ACTIVE", reason: "SUCCESSFUL" }, lastScannedAt: w.start - DAY,
    resourceMetadata: { codeRepository: { projectName: r.name, integrationArn: r.integrationArn, providerType: "GITHUB", providerTypeVisibility: "PRIVATE", lastScannedCommitId: r.lastScannedCommitId,
      scanConfiguration: { periodicScanConfigurations: [{ frequencyExpression: "WEEKLY", ruleSetCategories: ["SAST", "IAC", "SCA"] }], continuousIntegrationScanConfigurations: [{ supportedEvent: "PULL_REQUEST", ruleSetCategories: ["SAST", "IAC", "SCA"] }] } } },
  }));
}

export function codeFindings(w: World, region: string): Raw[] {
  return codeRepos(w).filter((r) => r.region === region).flatMap((r) => r.findings.map((f, k) => {
    const at = w.start - (10 + k) * DAY;
    const endLine = f.startLine + 1;
    const base = {
      findingArn: codeFindingArn(r, f.id), awsAccountId: r.accountId, title: f.title, severity: f.severity, status: "ACTIVE",
      description: `${f.title} in ${f.file} (${r.name}).`, firstObservedAt: at, lastObservedAt: at, updatedAt: at, exploitAvailable: "NO",
      remediation: { recommendation: { text: f.kind === "SCA" ? `Upgrade ${f.pkg?.name} to ${f.pkg?.fixed}.` : "Review the flagged lines and apply the detector's guidance." } },
      resources: [{ type: "CODE_REPOSITORY", id: codeRepoResourceId(r), partition: "aws", region: r.region, details: repoDetails(r) }],
      inspectorScore: { CRITICAL: 9.8, HIGH: 7.5, MEDIUM: 5.3, LOW: 3.1 }[f.severity],
    };
    if (f.kind === "SCA" && f.pkg) {
      return { ...base, type: "PACKAGE_VULNERABILITY", fixAvailable: "YES", packageVulnerabilityDetails: {
        vulnerabilityId: f.pkg.cve, source: "NVD", sourceUrl: `https://nvd.nist.gov/vuln/detail/${f.pkg.cve}`, vendorSeverity: f.severity,
        vulnerablePackages: [{ name: f.pkg.name, version: f.pkg.version, fixedInVersion: f.pkg.fixed, packageManager: "PIP", filePath: f.file }],
        cvss: [], referenceUrls: [], relatedVulnerabilities: [],
      } };
    }
    return { ...base, type: "CODE_VULNERABILITY", fixAvailable: "NO", codeVulnerabilityDetails: {
      filePath: { fileName: f.file.split("/").pop(), filePath: f.file, startLine: f.startLine, endLine },
      detectorId: f.detector, detectorName: f.title, detectorTags: [f.kind === "IAC" ? "iac" : "sast"], cwes: [f.cwe], ruleId: f.detector.split("@")[0],
      referenceUrls: [`https://cwe.mitre.org/data/definitions/${f.cwe.slice(4)}.html`],
    } };
  }));
}

/** The values filterCriteria see for one code finding / coverage row (criteria-match.ts). */
export function codeFindingValues(f: Raw): Record<string, string | number | undefined | (string | undefined)[]> {
  const res = (f.resources as Raw[])[0];
  const repo = (res.details as { codeRepository: Raw }).codeRepository;
  const code = f.codeVulnerabilityDetails as { filePath: Raw; detectorName: string } | undefined;
  return {
    awsAccountId: f.awsAccountId as string, findingArn: f.findingArn as string, findingStatus: f.status as string, findingType: f.type as string,
    severity: f.severity as string, title: f.title as string, resourceType: "CODE_REPOSITORY", resourceId: res.id as string,
    vulnerabilityId: (f.packageVulnerabilityDetails as Raw | undefined)?.vulnerabilityId as string | undefined,
    fixAvailable: f.fixAvailable as string, exploitAvailable: f.exploitAvailable as string, inspectorScore: f.inspectorScore as number,
    firstObservedAt: f.firstObservedAt as number, lastObservedAt: f.lastObservedAt as number, updatedAt: f.updatedAt as number,
    codeRepositoryProjectName: repo.projectName as string, codeRepositoryProviderType: "GITHUB",
    codeVulnerabilityDetectorName: code?.detectorName, codeVulnerabilityFilePath: code?.filePath.filePath as string | undefined,
  };
}

export function codeCoverageValues(c: Raw): Record<string, string | number | undefined | (string | undefined)[]> {
  const m = (c.resourceMetadata as { codeRepository: Raw }).codeRepository;
  return {
    accountId: c.accountId as string, resourceId: c.resourceId as string, resourceType: "CODE_REPOSITORY", scanType: "CODE",
    scanStatusCode: "ACTIVE", scanStatusReason: "SUCCESSFUL", lastScannedAt: c.lastScannedAt as number,
    codeRepositoryProjectName: m.projectName as string, codeRepositoryProviderType: "GITHUB", codeRepositoryProviderTypeVisibility: "PRIVATE",
    lastScannedCommitId: m.lastScannedCommitId as string,
  };
}
