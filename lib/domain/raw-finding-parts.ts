// A finding's raw JSON kept in pieces, so the cache stores once what repeats across findings:
// - the finding's own part (findings.raw): status, timestamps, scores, exploit and fix flags, and
//   every member not named below (a member Inspector adds tomorrow stays with the finding);
// - the vulnerability part: title, description, remediation, inspectorScoreDetails and the rest of
//   packageVulnerabilityDetails, the same text for every finding of one vulnerability;
// - the resources part: `resources`, the same for every finding on one image, instance or function;
// - the installed part: packageVulnerabilityDetails.vulnerablePackages (names, installed and fixed-in
//   versions, paths), the same for every finding of one vulnerability on instances of one build.
// findingArn and awsAccountId are the row's arn and account_id columns and are not kept twice; nor
// is a member whose value a column of the row repeats exactly (MODELLED below: type, status, the
// scores, flags, severity and times, ~250 B per finding), which the join rebuilds from that column.
// Parts are content-addressed (the md5 of their text, as a uuid) in finding_raw_parts.
// joinRawFinding puts the pieces back together: the same members and values as the text Inspector
// sent (equal under JSON.parse), in another order. At 10M findings the whole JSON was ~1.4 KB of
// TOAST per finding even compressed (ARNs, digests and ids do not compress; docs/indexes.md).
import { hash } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { objectMembers, type JsonMember } from "@/lib/aws/json-object-members";
import { parseJsonObject, type Json } from "@/lib/queries/findings/json-read";

export interface RawPart {
  id: string;
  doc: Buffer;
}
export interface SplitRawFinding {
  own: Buffer;
  vulnerability: RawPart | null;
  resources: RawPart | null;
  installed: RawPart | null;
}

const FROM_COLUMNS = new Set(["findingArn", "awsAccountId"]);
const VULNERABILITY = new Set(["title", "description", "remediation", "inspectorScoreDetails"]);
const PACKAGE_DETAILS = "packageVulnerabilityDetails";
const INSTALLED = "vulnerablePackages";
const RESOURCES = "resources";

/** The row's columns that repeat members of the finding's own JSON (lib/sync/map/finding-row.ts maps
 *  each verbatim, and to null when the member is missing or not of its type). `status` is the status
 *  Inspector sent: for a GONE row, gone_from_status (modelledColumns). */
export interface ModelledColumns {
  type: string | null;
  status: string | null;
  fix_available: string | null;
  exploit_available: string | null;
  inspector_score: number | null;
  epss_score: number | null;
  first_observed_at: Date | null;
  last_observed_at: Date | null;
  /** Never null for a stored row: UNTRIAGED when Inspector sent none, or one the cache does not know. */
  severity: string | null;
  /** Never null for a stored row: Inspector's updatedAt, or lastObservedAt when it sent none. */
  updated_at: Date | null;
}

/** Each member a column can stand for, and its value rebuilt from that column (undefined: no value,
 *  the member stays in the own part if the finding had it). A member is left out of the own part only
 *  when its value equals the rebuilt one exactly, so the join gives back what Inspector sent. This
 *  holds only while a column is non-null solely when its member was sent, as finding-row.ts maps them. */
const MODELLED: Record<string, (c: ModelledColumns) => unknown> = {
  type: (c) => c.type ?? undefined,
  status: (c) => c.status ?? undefined,
  fixAvailable: (c) => c.fix_available ?? undefined,
  exploitAvailable: (c) => c.exploit_available ?? undefined,
  inspectorScore: (c) => c.inspector_score ?? undefined,
  epss: (c) => (c.epss_score == null ? undefined : { score: c.epss_score }),
  firstObservedAt: (c) => (c.first_observed_at ? c.first_observed_at.getTime() / 1000 : undefined),
  lastObservedAt: (c) => (c.last_observed_at ? c.last_observed_at.getTime() / 1000 : undefined),
  // Columns that are never null stand for their member only where a missing one cannot have led to
  // their value: a severity other than the UNTRIAGED a missing one maps to, an updatedAt other than the
  // lastObservedAt that stands in for a missing one. Otherwise the member stays in the own part.
  severity: (c) => (c.severity && c.severity !== "UNTRIAGED" ? c.severity : undefined),
  updatedAt: (c) => (c.updated_at && c.updated_at.getTime() !== c.last_observed_at?.getTime() ? c.updated_at.getTime() / 1000 : undefined),
};

/** A stored row's modelled columns: a GONE row's status is the one Inspector last sent. */
export function modelledColumns(row: ModelledColumns & { gone_from_status?: string | null }): ModelledColumns {
  return { ...row, status: row.status === "GONE" ? (row.gone_from_status ?? null) : row.status };
}

/** Whether `bytes` are exactly the ASCII text `text` (false for any other text, ASCII or not). */
function isAsciiText(bytes: Buffer, text: string): boolean {
  if (bytes.length !== text.length) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127 || bytes[i] !== c) return false;
  }
  return true;
}

const isNegativeZero = (v: unknown) => Object.is(v, -0) || (typeof v === "object" && v !== null && Object.is((v as { score?: unknown }).score, -0));

/** Whether the member's value text is exactly what its column rebuilds. */
function repeatsColumn(key: string, valueText: Buffer, columns: ModelledColumns): boolean {
  const rebuild = Object.hasOwn(MODELLED, key) ? MODELLED[key] : undefined;
  const rebuilt = rebuild?.(columns);
  if (rebuilt === undefined) return false;
  // Most members are written as JSON.stringify writes their value (the emulator's all are): that text
  // parses back to the value, but for -0 (written "0"). Anything else is parsed and compared.
  if (!isNegativeZero(rebuilt) && isAsciiText(valueText, JSON.stringify(rebuilt))) return true;
  try {
    return isDeepStrictEqual(JSON.parse(valueText.toString("utf8")), rebuilt);
  } catch {
    return false;
  }
}

/** `{` pieces `}`: members' texts joined into one object's text, in one allocation. */
function objectText(pieces: Buffer[]): Buffer {
  let size = 1 + pieces.length;
  for (const p of pieces) size += p.length;
  const out = Buffer.allocUnsafe(Math.max(size, 2));
  out[0] = 123;
  let at = 1;
  for (let i = 0; i < pieces.length; i++) {
    if (i) out[at++] = 44;
    at += pieces[i].copy(out, at);
  }
  out[at] = 125;
  return out;
}

/** The content address of a part: its md5 written as a uuid. */
export function rawPartId(doc: Buffer): string {
  const h = hash("md5", doc, "hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const part = (doc: Buffer): RawPart => ({ id: rawPartId(doc), doc });

/** Splits the UTF-8 text of one finding (as JSON.parse accepted it). Text that is not a JSON
 *  object with members is kept whole as the finding's own part. With the row's `columns`, members
 *  they repeat are left out of the own part. */
export function splitRawFinding(bytes: Buffer, columns?: ModelledColumns): SplitRawFinding {
  const members = objectMembers(bytes);
  if (!members.length) return { own: bytes, vulnerability: null, resources: null, installed: null };
  const own: Buffer[] = [];
  const vulnerability: Buffer[] = [];
  const resources: Buffer[] = [];
  const installed: Buffer[] = [];
  const text = (m: JsonMember) => bytes.subarray(m.start, m.end);
  // A name written twice (JSON.parse keeps the last) keeps every copy: the join could not tell which went.
  const named = new Map<string, number>();
  for (const m of members) named.set(m.key, (named.get(m.key) ?? 0) + 1);
  for (const m of members) {
    if (FROM_COLUMNS.has(m.key)) continue;
    if (columns && named.get(m.key) === 1 && repeatsColumn(m.key, bytes.subarray(m.valueStart, m.end), columns)) continue;
    if (m.key === RESOURCES) resources.push(text(m));
    else if (VULNERABILITY.has(m.key)) vulnerability.push(text(m));
    else if (m.key === PACKAGE_DETAILS && bytes[m.valueStart] === 123) {
      const inner = objectMembers(bytes, m.valueStart);
      const packages = inner.filter((x) => x.key === INSTALLED).map(text);
      const shared = inner.filter((x) => x.key !== INSTALLED).map(text);
      const key = bytes.subarray(m.start, m.valueStart); // `"packageVulnerabilityDetails":`
      if (!inner.length) own.push(Buffer.concat([key, objectText([])]));
      if (packages.length) installed.push(Buffer.concat([key, objectText(packages)]));
      if (shared.length) vulnerability.push(Buffer.concat([key, objectText(shared)]));
    } else own.push(text(m));
  }
  return {
    own: objectText(own),
    vulnerability: vulnerability.length ? part(objectText(vulnerability)) : null,
    resources: resources.length ? part(objectText(resources)) : null,
    installed: installed.length ? part(objectText(installed)) : null,
  };
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** `into` with `from`'s members added; where both hold an object under one key, merged the same way.
 *  The pieces of one finding never share a member otherwise; if they did, `into` (the finding's own) wins. */
function mergeInto(into: Json, from: Json): Json {
  for (const [k, v] of Object.entries(from)) {
    // defineProperty: a member named "__proto__" (JSON.parse makes it an own member) stays a member.
    if (!Object.hasOwn(into, k)) Object.defineProperty(into, k, { value: v, enumerable: true, writable: true, configurable: true });
    else if (isObject(into[k]) && isObject(v)) into[k] = mergeInto({ ...(into[k] as Json) }, v);
  }
  return into;
}

export interface StoredRawFinding extends ModelledColumns {
  arn: string;
  account_id: string;
  gone_from_status?: string | null;
  /** findings.raw: the finding's own part, or the whole JSON for rows written before the split. */
  raw: string;
  raw_vulnerability?: string | null;
  raw_resources?: string | null;
  raw_installed?: string | null;
}

/** The finding's JSON as Inspector sent it, from its stored pieces (rows written whole read as they are). */
export function joinRawFinding(row: StoredRawFinding): Json {
  const whole: Json = { findingArn: row.arn, awsAccountId: row.account_id };
  mergeInto(whole, parseJsonObject(row.raw));
  mergeInto(whole, parseJsonObject(row.raw_vulnerability));
  mergeInto(whole, parseJsonObject(row.raw_resources));
  mergeInto(whole, parseJsonObject(row.raw_installed));
  const columns = modelledColumns(row);
  for (const [key, rebuild] of Object.entries(MODELLED)) {
    const value = Object.hasOwn(whole, key) ? undefined : rebuild(columns);
    if (value !== undefined) whole[key] = value as Json[string];
  }
  return whole;
}
