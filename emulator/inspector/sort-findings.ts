import { SEVERITY_RANK, TEMPLATES } from "../catalogue/templates";
import { resourceInfo } from "../world/resource-info";
import { STATUS, type World } from "../world/types";

// Sorted ListFindings results, cached per (request, world version) so later pages are a slice.

export const SORT_FIELDS = ["AWS_ACCOUNT_ID", "FINDING_TYPE", "SEVERITY", "FIRST_OBSERVED_AT", "LAST_OBSERVED_AT", "FINDING_STATUS",
  "RESOURCE_TYPE", "ECR_IMAGE_PUSHED_AT", "ECR_IMAGE_REPOSITORY_NAME", "ECR_IMAGE_REGISTRY", "NETWORK_PROTOCOL", "COMPONENT_TYPE",
  "VULNERABILITY_ID", "VULNERABILITY_SOURCE", "INSPECTOR_SCORE", "VENDOR_SEVERITY", "EPSS_SCORE"] as const;

type Key = (w: World, i: number) => number | string;
const t = (w: World, i: number) => TEMPLATES[w.f.tpl.data[i]];
const r = (w: World, i: number) => resourceInfo(w, w.f.res.data[i]);
const KEYS: Record<string, Key> = {
  AWS_ACCOUNT_ID: (w, i) => r(w, i).accountId,
  FINDING_TYPE: (w, i) => t(w, i).type,
  SEVERITY: (w, i) => SEVERITY_RANK[t(w, i).severity],
  FIRST_OBSERVED_AT: (w, i) => w.f.first.data[i],
  LAST_OBSERVED_AT: (w, i) => w.f.last.data[i],
  FINDING_STATUS: (w, i) => STATUS[w.f.status.data[i]],
  RESOURCE_TYPE: (w, i) => r(w, i).type,
  ECR_IMAGE_PUSHED_AT: (w, i) => r(w, i).pushedAt ?? -1,
  ECR_IMAGE_REPOSITORY_NAME: (w, i) => (r(w, i).imageHash ? r(w, i).repoName ?? "" : ""),
  ECR_IMAGE_REGISTRY: (w, i) => (r(w, i).imageHash ? r(w, i).accountId : ""),
  NETWORK_PROTOCOL: (w, i) => t(w, i).net?.protocol ?? "",
  COMPONENT_TYPE: (w, i) => (t(w, i).net ? { igw: "AWS::EC2::InternetGateway", peering: "AWS::EC2::VPCPeeringConnection", vgw: "AWS::EC2::VPNGateway" }[t(w, i).net!.via] : ""),
  VULNERABILITY_ID: (w, i) => t(w, i).vulnerabilityId ?? "",
  VULNERABILITY_SOURCE: (w, i) => t(w, i).source ?? "",
  INSPECTOR_SCORE: (w, i) => t(w, i).inspectorScore ?? -1,
  VENDOR_SEVERITY: (w, i) => t(w, i).vendorSeverity ?? "",
  EPSS_SCORE: (w, i) => t(w, i).epss ?? -1,
};

const caches = new WeakMap<World, Map<string, number[]>>();

export function sortedMatches(w: World, region: number, body: Record<string, unknown>, field: string, order: string, all: () => number[]): number[] {
  let cache = caches.get(w);
  if (!cache) caches.set(w, (cache = new Map()));
  const id = `${w.version}|${region}|${field}|${order}|${JSON.stringify(body.filterCriteria ?? {})}`;
  const hit = cache.get(id);
  if (hit) return hit;
  const idx = all();
  const key = KEYS[field];
  const keys = idx.map((i) => key(w, i));
  const perm = idx.map((_, k) => k);
  const dir = order === "DESC" ? -1 : 1;
  perm.sort((a, b) => (keys[a] < keys[b] ? -dir : keys[a] > keys[b] ? dir : idx[a] - idx[b]));
  const out = perm.map((k) => idx[k]);
  if (cache.size >= 24) cache.delete(cache.keys().next().value as string);
  cache.set(id, out);
  return out;
}
