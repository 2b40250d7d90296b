// One BatchGetFindingDetails answer → one vulnerability_intel row. Every field is optional in the
// API: what is missing stays null/empty ("unknown"), and KEV membership is known only because the
// details were fetched (no cisaData in an answer = not in KEV).
import type { FindingDetail } from "@aws-sdk/client-inspector2";

export interface IntelRow {
  vulnerabilityId: string;
  state: "OK" | "NOT_FOUND";
  sourceArn: string;
  basisAt: Date;
  inKev: boolean | null;
  kevDateAdded: Date | null;
  kevDateDue: Date | null;
  kevAction: string | null;
  exploitFirstSeen: Date | null;
  exploitLastSeen: Date | null;
  epssScore: number | null;
  riskScore: number | null;
  cwes: string[];
  tools: string[];
  ttps: string[];
  referenceUrls: string[];
  evidences: { rule: string | null; detail: string | null; severity: string | null }[];
}

const date = (d: unknown) => (d instanceof Date && !Number.isNaN(d.getTime()) ? d : null);
const num = (n: unknown) => (typeof n === "number" && Number.isFinite(n) ? n : null);
const strings = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string" && s.length > 0) : []);
const str = (s: unknown) => (typeof s === "string" && s.length > 0 ? s : null);

export interface Target {
  vulnerabilityId: string;
  arn: string;
  basisAt: Date;
}

export function intelFromDetail(t: Target, d: FindingDetail): IntelRow {
  const cisa = d.cisaData;
  const inKev = cisa != null && Object.values(cisa).some((v) => v != null);
  return {
    vulnerabilityId: t.vulnerabilityId, state: "OK", sourceArn: t.arn, basisAt: t.basisAt,
    inKev,
    kevDateAdded: date(cisa?.dateAdded), kevDateDue: date(cisa?.dateDue), kevAction: str(cisa?.action),
    exploitFirstSeen: date(d.exploitObserved?.firstSeen), exploitLastSeen: date(d.exploitObserved?.lastSeen),
    epssScore: num(d.epssScore), riskScore: num(d.riskScore),
    cwes: strings(d.cwes), tools: strings(d.tools), ttps: strings(d.ttps), referenceUrls: strings(d.referenceUrls),
    evidences: (d.evidences ?? []).map((e) => ({ rule: str(e.evidenceRule), detail: str(e.evidenceDetail), severity: str(e.severity) })),
  };
}

/** Inspector has no details for it: fetched, but everything stays unknown (KEV included). */
export function notFoundIntel(t: Target): IntelRow {
  return {
    vulnerabilityId: t.vulnerabilityId, state: "NOT_FOUND", sourceArn: t.arn, basisAt: t.basisAt, inKev: null,
    kevDateAdded: null, kevDateDue: null, kevAction: null, exploitFirstSeen: null, exploitLastSeen: null,
    epssScore: null, riskScore: null, cwes: [], tools: [], ttps: [], referenceUrls: [], evidences: [],
  };
}
