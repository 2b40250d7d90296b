import { ACTIVE_REASON_COUNT, ECR_IMAGE, ECR_REPO, EC2, LAMBDA, REASONS, type World } from "../world/types";
import { resourceInfo } from "../world/resource-info";
import { providerFields } from "../world/azure";
import { andAll, compileKey, type Pred } from "./filter-compile";
import type { KeySpec, Value } from "./filter-keys";
import { validateCriteria } from "./validate-criteria";

// Coverage rows are derived, not stored: row = resource * 2 + (1 for the Lambda CODE scan).

export const rowRes = (row: number) => row >>> 1;
const isCode = (row: number) => (row & 1) === 1;

export function rowReason(w: World, row: number): string {
  const reason = REASONS[rawReason(w, row)];
  return reason === "UNSUPPORTED_OS" && w.quirks.futureScanReason ? w.quirks.futureScanReason : reason;
}

export function rowVisible(w: World, row: number): boolean {
  const r = rowRes(row);
  if (isCode(row) && w.res.codeReason.data[r] === 255) return false;
  return (w.resVisible[r] & (isCode(row) ? 2 : 1)) !== 0;
}

const rawReason = (w: World, row: number) => (isCode(row) ? w.res.codeReason.data[rowRes(row)] : w.res.reason.data[rowRes(row)]);
const statusCode = (w: World, row: number) => (rawReason(w, row) < ACTIVE_REASON_COUNT ? "ACTIVE" : "INACTIVE");
const lastScanned = (w: World, row: number) => w.res.lastScan.data[rowRes(row)] || undefined;

const row = (kind: KeySpec["kind"], get: (w: World, row: number) => Value): KeySpec => ({ kind, level: "mixed", get });
const info = (kind: KeySpec["kind"], get: (i: ReturnType<typeof resourceInfo>) => Value): KeySpec => ({ kind, level: "resource", get: (w, r) => get(resourceInfo(w, r)) });

export const COVERAGE_KEYS: Record<string, KeySpec> = {
  scanStatusCode: row("string", statusCode),
  scanStatusReason: row("string", rowReason),
  accountId: info("string", (i) => i.accountId),
  resourceId: info("string", (i) => i.id),
  resourceType: info("string", (i) => i.type),
  scanType: row("string", (_w, r) => (isCode(r) ? "CODE" : "PACKAGE")),
  scanMode: info("string", (i) => i.scanMode),
  ecrRepositoryName: info("string", (i) => i.repoName),
  ecrImageTags: info("string", (i) => i.imageTags),
  lambdaFunctionName: info("string", (i) => i.fnName),
  lambdaFunctionRuntime: info("string", (i) => i.runtime),
  codeRepositoryProjectName: info("string", () => undefined),
  codeRepositoryProviderType: info("string", () => undefined),
  codeRepositoryProviderTypeVisibility: info("string", () => undefined),
  lastScannedCommitId: info("string", () => undefined),
  ec2InstanceTags: info("map", (i) => (i.type === "AWS_EC2_INSTANCE" ? i.tags : undefined)),
  lambdaFunctionTags: info("map", (i) => (i.type === "AWS_LAMBDA_FUNCTION" ? i.tags : undefined)),
  lastScannedAt: row("date", lastScanned),
  imagePulledAt: info("date", (i) => i.imagePulledAt),
  ecrImageLastInUseAt: info("date", (i) => i.lastInUseAt),
  ecrImageInUseCount: info("number", (i) => i.inUseCount),
};

export interface CoverageFilter { pred: Pred; accountIds?: string[] }

export function compileCoverageFilter(w: World, criteria: unknown): CoverageFilter {
  const c = validateCriteria(criteria, "filterCriteria", COVERAGE_KEYS, ["EQUALS", "NOT_EQUALS"]);
  const resolvers = { resOf: rowRes, tplCount: 0, resCount: w.res.type.length };
  const preds: Pred[] = [];
  const out: CoverageFilter = { pred: () => true };
  for (const [key, entries] of Object.entries(c)) {
    if (!entries) continue;
    preds.push(compileKey(w, COVERAGE_KEYS[key], entries, resolvers));
    const sf = entries as { comparison: string; value: string }[];
    if (key === "accountId" && sf.every((e) => e.comparison === "EQUALS")) out.accountIds = sf.map((e) => e.value);
  }
  out.pred = andAll(preds);
  return out;
}

export function coveredResource(w: World, rowId: number): Record<string, unknown> {
  const r = rowRes(rowId), i = resourceInfo(w, r), type = w.res.type.data[r];
  const meta: Record<string, unknown> = {};
  if (type === EC2 && i.provider) meta.vmInstance = { tags: i.tags, platform: "UBUNTU_24_04", vmImageReference: (i.details.vm as { vmImageReference?: string }).vmImageReference };
  else if (type === EC2) meta.ec2 = { tags: i.tags, amiId: i.ami, platform: i.os };
  if (type === ECR_REPO || type === ECR_IMAGE) {
    const repo = type === ECR_REPO ? i : resourceInfo(w, w.res.parent.data[r]);
    meta.ecrRepository = { name: repo.repoName, scanFrequency: repo.scanFrequency };
  }
  if (type === ECR_IMAGE) meta.ecrImage = { tags: i.imageTags, imagePulledAt: i.imagePulledAt, lastInUseAt: i.lastInUseAt, inUseCount: i.inUseCount };
  if (type === LAMBDA) meta.lambdaFunction = { functionTags: i.tags, layers: i.layers, functionName: i.fnName, runtime: i.runtime };
  const last = lastScanned(w, rowId);
  return {
    resourceType: i.type, resourceId: i.id, accountId: i.accountId, scanType: isCode(rowId) ? "CODE" : "PACKAGE",
    scanStatus: { statusCode: statusCode(w, rowId), reason: rowReason(w, rowId) }, resourceMetadata: meta,
    ...(last ? { lastScannedAt: last } : {}), ...(i.scanMode ? { scanMode: i.scanMode } : {}), ...providerFields(i, true),
  };
}

/** Visible, matching coverage rows of a region, in ascending row order, from `fromRow`. */
export function* coverageRows(w: World, region: number, filter: CoverageFilter, fromRow = 0): Generator<number> {
  const R = w.regions.length;
  const lists = filter.accountIds
    ? [...new Set(filter.accountIds)].map((id) => w.accountById.get(id)).filter((a): a is number => a !== undefined).map((a) => w.resByAr[a * R + region])
    : [w.resByRegion[region]];
  const res: number[] = [];
  for (const l of lists) for (let k = 0; k < l.length; k++) if (l.data[k] * 2 + 1 >= fromRow) res.push(l.data[k]);
  if (lists.length > 1) res.sort((a, b) => a - b);
  for (const r of res) {
    for (const rowId of [r * 2, r * 2 + 1]) {
      if (rowId >= fromRow && rowVisible(w, rowId) && filter.pred(rowId)) yield rowId;
    }
  }
}
