// Maps the raw Inspector finding (as the sync stored it) to what the detail page shows. Raw
// timestamps may be epoch seconds (wire) or ISO strings (SDK Dates serialised), so both parse.
import { arr, num as numOr, obj, str, type Json } from "./json-read";

export function rawDate(v: unknown): Date | undefined {
  if (typeof v === "number") return new Date(v * 1000);
  if (typeof v === "string" && v) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

export interface PackageView {
  name: string;
  installed: string;
  fixedIn: string | null;
  arch?: string;
  packageManager?: string;
  remediation?: string;
  filePath?: string;
  sourceLayerHash?: string;
  sourceLambdaLayerArn?: string;
}

/** "1:2.3-4" from epoch/version/release; epoch 0 is left out, as distributions print it. */
export function installedVersion(p: Json): string {
  const epoch = numOr(p.epoch);
  const version = str(p.version) ?? "?";
  const release = str(p.release);
  return `${epoch ? `${epoch}:` : ""}${version}${release ? `-${release}` : ""}`;
}

export function mapPackages(raw: Json): PackageView[] {
  return arr(obj(raw.packageVulnerabilityDetails).vulnerablePackages).map((item) => {
    const p = obj(item);
    const fixed = str(p.fixedInVersion);
    return {
      name: str(p.name) ?? "?",
      installed: installedVersion(p),
      fixedIn: !fixed || fixed === "NotAvailable" ? null : fixed,
      arch: str(p.arch),
      packageManager: str(p.packageManager),
      remediation: str(p.remediation) === "None Provided" ? undefined : str(p.remediation),
      filePath: str(p.filePath),
      sourceLayerHash: str(p.sourceLayerHash),
      sourceLambdaLayerArn: str(p.sourceLambdaLayerArn),
    };
  });
}

export interface ScoreView {
  inspectorScore?: number;
  adjusted?: { score?: number; source?: string; version?: string; vector?: string; adjustments: { metric: string; reason: string }[] };
  cvss: { source: string; version: string; baseScore?: number; vector?: string }[];
  vendorSeverity?: string;
  epss?: number;
}

export function mapScores(raw: Json): ScoreView {
  const adjusted = obj(obj(raw.inspectorScoreDetails).adjustedCvss);
  const details = obj(raw.packageVulnerabilityDetails);
  return {
    inspectorScore: numOr(raw.inspectorScore),
    adjusted: Object.keys(adjusted).length
      ? {
          score: numOr(adjusted.score),
          source: str(adjusted.scoreSource),
          version: str(adjusted.version),
          vector: str(adjusted.scoringVector),
          adjustments: arr(adjusted.adjustments).map((a) => ({ metric: str(obj(a).metric) ?? "?", reason: str(obj(a).reason) ?? "" })),
        }
      : undefined,
    cvss: arr(details.cvss).map((c) => ({ source: str(obj(c).source) ?? "?", version: str(obj(c).version) ?? "?", baseScore: numOr(obj(c).baseScore), vector: str(obj(c).scoringVector) })),
    vendorSeverity: str(details.vendorSeverity),
    epss: numOr(obj(raw.epss).score),
  };
}

export function mapReferences(raw: Json): string[] {
  const details = obj(raw.packageVulnerabilityDetails);
  const urls = [str(details.sourceUrl), ...arr(details.referenceUrls).map(str), ...arr(obj(raw.codeVulnerabilityDetails).referenceUrls).map(str), str(obj(obj(raw.remediation).recommendation).Url)];
  return [...new Set(urls.filter((u): u is string => !!u && /^https?:\/\//.test(u)))];
}

export function mapNetwork(raw: Json) {
  const n = obj(raw.networkReachabilityDetails);
  if (!Object.keys(n).length) return undefined;
  const ports = obj(n.openPortRange);
  const begin = numOr(ports.begin), end = numOr(ports.end);
  return {
    protocol: str(n.protocol),
    ports: begin === undefined ? undefined : begin === end || end === undefined ? String(begin) : `${begin}–${end}`,
    steps: arr(obj(n.networkPath).steps).map((s) => ({ componentId: str(obj(s).componentId) ?? "?", componentType: str(obj(s).componentType) ?? "?", componentArn: str(obj(s).componentArn) })),
  };
}

export function mapCode(raw: Json) {
  const c = obj(raw.codeVulnerabilityDetails);
  if (!Object.keys(c).length) return undefined;
  const file = obj(c.filePath);
  return {
    fileName: str(file.fileName),
    filePath: str(file.filePath),
    startLine: numOr(file.startLine),
    endLine: numOr(file.endLine),
    detectorName: str(c.detectorName),
    detectorId: str(c.detectorId),
    ruleId: str(c.ruleId),
    cwes: arr(c.cwes).map(str).filter((v): v is string => !!v),
    detectorTags: arr(c.detectorTags).map(str).filter((v): v is string => !!v),
  };
}
