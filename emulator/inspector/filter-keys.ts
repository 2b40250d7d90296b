import { TEMPLATES } from "../catalogue/templates";
import { codeFilePath, findingArn, materialiseFinding } from "../world/finding-view";
import { resourceInfo } from "../world/resource-info";
import { advisoryNaming, advisoryTitle } from "../world/finding-shapes";
import { EC2, ECR_IMAGE, LAMBDA, RES_TYPES, STATUS, type World } from "../world/types";
import type { FilterKind } from "./filter-types";

// Every FilterCriteria key we understand, with where its value lives. Template and resource
// values are memoised per query, so a filter over a million findings costs array lookups.

export type Level = "finding" | "template" | "resource" | "mixed";
export type Value = string | string[] | number | Record<string, string> | undefined;

export interface KeySpec {
  kind: FilterKind;
  level: Level;
  get: (w: World, n: number) => Value;
}

const tpl = (get: (t: (typeof TEMPLATES)[number]) => Value): KeySpec["get"] => (_w, n) => get(TEMPLATES[n]);
const res = (get: (r: ReturnType<typeof resourceInfo>) => Value, only?: number): KeySpec["get"] =>
  (w, n) => (only === undefined || w.res.type.data[n] === only ? get(resourceInfo(w, n)) : undefined);
const S = (level: Level, get: KeySpec["get"]): KeySpec => ({ kind: "string", level, get });
const D = (level: Level, get: KeySpec["get"]): KeySpec => ({ kind: "date", level, get });
const N = (level: Level, get: KeySpec["get"]): KeySpec => ({ kind: "number", level, get });

function pathComponents(w: World, i: number, field: "componentId" | "componentType"): string[] | undefined {
  if (!TEMPLATES[w.f.tpl.data[i]].net) return undefined;
  const d = materialiseFinding(w, i).networkReachabilityDetails as { networkPath: { steps: Record<string, string>[] } } | undefined;
  return d?.networkPath.steps.map((s) => s[field]);
}

export const FINDING_KEYS: Record<string, KeySpec> = {
  findingArn: S("finding", (w, i) => findingArn(w, i)),
  awsAccountId: S("resource", (w, r) => w.accounts[w.res.account.data[r]].id),
  findingType: S("template", tpl((t) => t.type)),
  severity: S("template", tpl((t) => t.severity)),
  findingStatus: S("finding", (w, i) => STATUS[w.f.status.data[i]]),
  title: S("template", (w, n) => advisoryTitle(w, TEMPLATES[n])),
  resourceType: S("resource", (w, r) => RES_TYPES[w.res.type.data[r]]),
  resourceId: S("resource", res((r) => r.id)),
  ec2InstanceImageId: S("resource", res((r) => r.ami, EC2)),
  ec2InstanceVpcId: S("resource", res((r) => r.vpcId, EC2)),
  ec2InstanceSubnetId: S("resource", res((r) => r.subnetId, EC2)),
  ecrImageArchitecture: S("resource", res((r) => (r.imageHash ? r.arch : undefined), ECR_IMAGE)),
  ecrImageRegistry: S("resource", res((r) => (r.imageHash ? r.accountId : undefined), ECR_IMAGE)),
  ecrImageRepositoryName: S("resource", res((r) => (r.imageHash ? r.repoName : undefined), ECR_IMAGE)),
  ecrImageTags: S("resource", res((r) => r.imageTags, ECR_IMAGE)),
  ecrImageHash: S("resource", res((r) => r.imageHash, ECR_IMAGE)),
  networkProtocol: S("template", tpl((t) => t.net?.protocol)),
  componentId: S("mixed", (w, i) => pathComponents(w, i, "componentId")),
  componentType: S("mixed", (w, i) => pathComponents(w, i, "componentType")),
  vulnerabilityId: S("template", (w, n) => advisoryNaming(w, TEMPLATES[n])?.vulnerabilityId ?? TEMPLATES[n].vulnerabilityId),
  vulnerabilitySource: S("template", tpl((t) => t.source)),
  vendorSeverity: S("template", tpl((t) => t.vendorSeverity)),
  relatedVulnerabilities: S("template", (w, n) => advisoryNaming(w, TEMPLATES[n])?.related),
  fixAvailable: S("template", tpl((t) => t.fixAvailable)),
  exploitAvailable: S("finding", (w, i) => (TEMPLATES[w.f.tpl.data[i]].type === "PACKAGE_VULNERABILITY" ? (w.f.exploit.data[i] ? "YES" : "NO") : undefined)),
  lambdaFunctionName: S("resource", res((r) => r.fnName, LAMBDA)),
  lambdaFunctionLayers: S("resource", res((r) => r.layers, LAMBDA)),
  lambdaFunctionRuntime: S("resource", res((r) => r.runtime, LAMBDA)),
  lambdaFunctionExecutionRoleArn: S("resource", res((r) => r.execRole, LAMBDA)),
  codeVulnerabilityDetectorName: S("template", tpl((t) => t.code?.name)),
  codeVulnerabilityDetectorTags: S("template", tpl((t) => t.code?.tags)),
  codeVulnerabilityFilePath: S("mixed", (w, i) => (TEMPLATES[w.f.tpl.data[i]].code ? codeFilePath(w, i) : undefined)),
  codeRepositoryProjectName: S("template", tpl(() => undefined)),
  codeRepositoryProviderType: S("template", tpl(() => undefined)),
  firstObservedAt: D("finding", (w, i) => w.f.first.data[i]),
  lastObservedAt: D("finding", (w, i) => w.f.last.data[i]),
  updatedAt: D("finding", (w, i) => w.f.updated.data[i]),
  ecrImagePushedAt: D("resource", res((r) => r.pushedAt, ECR_IMAGE)),
  ecrImageLastInUseAt: D("resource", res((r) => r.lastInUseAt, ECR_IMAGE)),
  lambdaFunctionLastModifiedAt: D("resource", res((r) => r.lastModifiedAt, LAMBDA)),
  inspectorScore: N("template", tpl((t) => t.inspectorScore)),
  epssScore: N("template", tpl((t) => t.epss)),
  ecrImageInUseCount: N("resource", res((r) => r.inUseCount, ECR_IMAGE)),
  resourceTags: { kind: "map", level: "resource", get: res((r) => r.tags) },
  portRange: { kind: "port", level: "template", get: tpl((t) => (t.net ? [String(t.net.begin), String(t.net.end)] : undefined)) },
  vulnerablePackages: { kind: "package", level: "mixed", get: () => undefined },
};
