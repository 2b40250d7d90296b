import { isAzureVm } from "../world/azure";
import { TEMPLATES } from "../catalogue/templates";
import { packageOf } from "../world/finding-view";
import { resourceInfo } from "../world/resource-info";
import { EC2, ECR_IMAGE, LAMBDA, type World } from "../world/types";
import { FINDING_KEYS, type KeySpec } from "./filter-keys";
import type { FilterKind } from "./filter-types";

// The aggregation kinds: request member, its filters (mapped onto finding filter keys),
// sort options, how findings group, and what a response element carries.

type Pkg = { sourceLayerHash?: string; sourceLambdaLayerArn?: string };
const firstPkg = (w: World, i: number) => packageOf(w, i) as Pkg | undefined;

/** Finding-filter keys plus the few only aggregations need. */
export const AGG_KEYS: Record<string, KeySpec> = {
  ...FINDING_KEYS,
  packageName: { kind: "string", level: "template", get: (_w, t) => TEMPLATES[t].cve?.pkg },
  operatingSystem: { kind: "string", level: "resource", get: (w, r) => resourceInfo(w, r).platform },
  layerHash: { kind: "string", level: "mixed", get: (w, i) => firstPkg(w, i)?.sourceLayerHash },
  layerArn: { kind: "string", level: "mixed", get: (w, i) => firstPkg(w, i)?.sourceLambdaLayerArn },
};

export interface Group {
  first: number; // a representative finding
  all: number; medium: number; high: number; critical: number;
  exploit: number; fix: number; network: number;
  members: Set<number>;
}

export interface AggKind {
  member: string;
  responseMember: string;
  filters: Record<string, { kind: FilterKind; key: string } | { single: string[]; key: string }>;
  sortBy: string[];
  applies?: (w: World, i: number) => boolean;
  key: (w: World, i: number) => string | number | undefined;
  /** resource (or other) id counted in the "affected" set */
  member2?: (w: World, i: number) => number;
  render: (w: World, g: Group) => Record<string, unknown>;
}

const SF = (key: string) => ({ kind: "string" as const, key });
const res = (w: World, i: number) => w.f.res.data[i];
const info = (w: World, i: number) => resourceInfo(w, res(w, i));
const acct = (w: World, i: number) => info(w, i).accountId;
// Azure VMs (world/azure.ts) are EC2 rows in the world but not AWS instances.
const isType = (t: number) => (w: World, i: number) => w.res.type.data[res(w, i)] === t && !isAzureVm(w, res(w, i));
const counts = (g: Group) => ({ all: g.all, medium: g.medium, high: g.high, critical: g.critical });
const FINDING_TYPES = ["NETWORK_REACHABILITY", "PACKAGE_VULNERABILITY", "CODE_VULNERABILITY"];
const RESOURCE_TYPES = ["AWS_EC2_INSTANCE", "AWS_ECR_CONTAINER_IMAGE", "AWS_LAMBDA_FUNCTION", "CODE_REPOSITORY"];
const CHA = ["CRITICAL", "HIGH", "ALL"];

export const AGG_KINDS: Record<string, AggKind> = {
  ACCOUNT: {
    member: "accountAggregation", responseMember: "accountAggregation", sortBy: CHA,
    filters: { findingType: { single: FINDING_TYPES, key: "findingType" }, resourceType: { single: RESOURCE_TYPES, key: "resourceType" } },
    key: (w, i) => w.res.account.data[res(w, i)],
    render: (w, g) => ({ accountId: acct(w, g.first), severityCounts: counts(g), exploitAvailableCount: g.exploit, fixAvailableCount: g.fix }),
  },
  FINDING_TYPE: {
    member: "findingTypeAggregation", responseMember: "findingTypeAggregation", sortBy: CHA,
    filters: { findingType: { single: FINDING_TYPES, key: "findingType" }, resourceType: { single: RESOURCE_TYPES, key: "resourceType" } },
    key: (w, i) => w.res.account.data[res(w, i)],
    render: (w, g) => ({ accountId: acct(w, g.first), severityCounts: counts(g), exploitAvailableCount: g.exploit, fixAvailableCount: g.fix }),
  },
  AWS_EC2_INSTANCE: {
    member: "ec2InstanceAggregation", responseMember: "ec2InstanceAggregation", sortBy: ["NETWORK_FINDINGS", ...CHA], applies: isType(EC2),
    filters: { amis: SF("ec2InstanceImageId"), operatingSystems: SF("operatingSystem"), instanceIds: SF("resourceId"), instanceTags: { kind: "map", key: "resourceTags" } },
    key: res,
    render: (w, g) => {
      const r = info(w, g.first);
      return { instanceId: r.id, ami: r.ami, operatingSystem: r.platform, instanceTags: r.tags, accountId: r.accountId, severityCounts: counts(g), networkFindings: g.network };
    },
  },
  AWS_ECR_CONTAINER: {
    member: "awsEcrContainerAggregation", responseMember: "awsEcrContainerAggregation", sortBy: CHA, applies: isType(ECR_IMAGE),
    filters: {
      resourceIds: SF("resourceId"), imageShas: SF("ecrImageHash"), repositories: SF("ecrImageRepositoryName"), architectures: SF("ecrImageArchitecture"),
      imageTags: SF("ecrImageTags"), lastInUseAt: { kind: "date", key: "ecrImageLastInUseAt" }, inUseCount: { kind: "number", key: "ecrImageInUseCount" },
    },
    key: res,
    render: (w, g) => {
      const r = info(w, g.first);
      return { resourceId: r.id, imageSha: r.imageHash, repository: r.repoName, architecture: r.arch, imageTags: r.imageTags, accountId: r.accountId, severityCounts: counts(g), lastInUseAt: r.lastInUseAt, inUseCount: r.inUseCount };
    },
  },
  AWS_LAMBDA_FUNCTION: {
    member: "lambdaFunctionAggregation", responseMember: "lambdaFunctionAggregation", sortBy: CHA, applies: isType(LAMBDA),
    filters: { resourceIds: SF("resourceId"), functionNames: SF("lambdaFunctionName"), runtimes: SF("lambdaFunctionRuntime"), functionTags: { kind: "map", key: "resourceTags" } },
    key: res,
    render: (w, g) => {
      const r = info(w, g.first);
      return { resourceId: r.id, functionName: r.fnName, runtime: r.runtime, lambdaTags: r.tags, accountId: r.accountId, severityCounts: counts(g), lastModifiedAt: r.lastModifiedAt };
    },
  },
  PACKAGE: {
    member: "packageAggregation", responseMember: "packageAggregation", sortBy: CHA, filters: { packageNames: SF("packageName") },
    applies: (w, i) => !!TEMPLATES[w.f.tpl.data[i]].cve, key: (w, i) => TEMPLATES[w.f.tpl.data[i]].cve!.pkg,
    render: (w, g) => ({ packageName: TEMPLATES[w.f.tpl.data[g.first]].cve!.pkg, severityCounts: counts(g) }),
  },
  TITLE: {
    member: "titleAggregation", responseMember: "titleAggregation", sortBy: CHA,
    filters: { titles: SF("title"), vulnerabilityIds: SF("vulnerabilityId"), resourceType: { single: RESOURCE_TYPES, key: "resourceType" }, findingType: { single: FINDING_TYPES, key: "findingType" } },
    key: (w, i) => TEMPLATES[w.f.tpl.data[i]].title,
    render: (w, g) => {
      const t = TEMPLATES[w.f.tpl.data[g.first]];
      return { title: t.title, ...(t.vulnerabilityId ? { vulnerabilityId: t.vulnerabilityId } : {}), severityCounts: counts(g) };
    },
  },
  REPOSITORY: {
    member: "repositoryAggregation", responseMember: "repositoryAggregation", sortBy: [...CHA, "AFFECTED_IMAGES"], applies: isType(ECR_IMAGE),
    filters: { repositories: SF("ecrImageRepositoryName") },
    key: (w, i) => w.res.parent.data[res(w, i)], member2: res,
    render: (w, g) => ({ repository: info(w, g.first).repoName, accountId: acct(w, g.first), severityCounts: counts(g), affectedImages: g.members.size }),
  },
  AMI: {
    member: "amiAggregation", responseMember: "amiAggregation", sortBy: [...CHA, "AFFECTED_INSTANCES"], applies: isType(EC2),
    filters: { amis: SF("ec2InstanceImageId") },
    key: (w, i) => `${info(w, i).ami}|${w.res.account.data[res(w, i)]}`, member2: res,
    render: (w, g) => ({ ami: info(w, g.first).ami, accountId: acct(w, g.first), severityCounts: counts(g), affectedInstances: g.members.size }),
  },
  IMAGE_LAYER: {
    member: "imageLayerAggregation", responseMember: "imageLayerAggregation", sortBy: CHA,
    applies: (w, i) => isType(ECR_IMAGE)(w, i) && !!TEMPLATES[w.f.tpl.data[i]].cve,
    filters: { repositories: SF("ecrImageRepositoryName"), resourceIds: SF("resourceId"), layerHashes: SF("layerHash") },
    key: (w, i) => `${res(w, i)}|${AGG_KEYS.layerHash.get(w, i)}`,
    render: (w, g) => {
      const r = info(w, g.first);
      return { repository: r.repoName, resourceId: r.id, layerHash: AGG_KEYS.layerHash.get(w, g.first), accountId: r.accountId, severityCounts: counts(g) };
    },
  },
  LAMBDA_LAYER: {
    member: "lambdaLayerAggregation", responseMember: "lambdaLayerAggregation", sortBy: CHA,
    applies: (w, i) => isType(LAMBDA)(w, i) && AGG_KEYS.layerArn.get(w, i) !== undefined,
    filters: { functionNames: SF("lambdaFunctionName"), resourceIds: SF("resourceId"), layerArns: SF("layerArn") },
    key: (w, i) => `${res(w, i)}|${AGG_KEYS.layerArn.get(w, i)}`,
    render: (w, g) => {
      const r = info(w, g.first);
      return { functionName: r.fnName, resourceId: r.id, layerArn: AGG_KEYS.layerArn.get(w, g.first), accountId: r.accountId, severityCounts: counts(g) };
    },
  },
};
