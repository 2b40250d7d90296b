import type { Family } from "../catalogue/cves";
import { EC2_PLATFORMS, ECR_APPS, ECR_BASES, INSTANCE_TYPES, LAMBDA_RUNTIMES } from "../catalogue/platforms";
import { hash32, hashUnit, hex8, hexFrom, perm32 } from "../prng";
import { imageUsage } from "./image-usage";
import { isAzureVm, toAzureVm } from "./azure";
import { EC2, ECR_IMAGE, ECR_REPO, REASONS, RES_TYPES, type World } from "./types";
import { RecentMap } from "./recent-map";

// Materialises one resource's strings from its columns and the seed. The result is immutable and
// rebuilt the same whenever asked, so the most recently built are kept (RECENT), not all: a 10M-finding
// world has ~1.4M resources, and keeping every one (~0.7 GB of objects) made the emulator spend a fifth
// of its time collecting garbage while it served a first load.

export interface ResourceInfo {
  id: string;
  type: string;
  accountId: string;
  region: string;
  tags: Record<string, string>;
  details: Record<string, unknown>;
  families: Family[];
  isPublic: boolean;
  ami?: string; platform?: string; os?: "LINUX" | "WINDOWS"; vpcId?: string; subnetId?: string; scanMode?: string;
  repoName?: string; imageHash?: string; imageTags?: string[]; arch?: string; pushedAt?: number;
  lastInUseAt?: number; inUseCount?: number; imagePulledAt?: number; scanFrequency?: string;
  provider?: string; providerAccountId?: string; providerOrgId?: string; providerRegion?: string;
  fnName?: string; runtime?: string; lang?: string; layers?: string[]; execRole?: string; lastModifiedAt?: number;
}

const DAY = 86400;
const ROLES = ["api", "worker", "web", "batch", "bastion", "db-proxy", "etl", "cache"];
const VERBS = ["process-payments", "resize-images", "sync-ledger", "send-notifications", "ingest-events", "rotate-secrets",
  "score-transactions", "export-reports", "webhook-handler", "cleanup-sessions", "authorizer", "stream-consumer"];

const RECENT = 100_000;
const cache = new WeakMap<World, RecentMap<ResourceInfo>>();
const nets = new WeakMap<World, Map<number, ReturnType<typeof buildNetwork>>>();

export interface Traits { group: number; families: Family[]; isPublic: boolean; born: number }

/** The facts generation needs, without building any strings (must agree with build()). */
export function traits(w: World, r: number): Traits {
  const R = w.res;
  const type = R.type.data[r], fl = R.flavour.data[r];
  const u = (k: number) => hashUnit(w.seed, 0x2e5, r, k);
  if (type === EC2) {
    const p = EC2_PLATFORMS[fl];
    const v = u(3);
    const extra: Family | undefined = p.os === "LINUX" ? (v < 0.3 ? "jar" : v < 0.55 ? "pip" : undefined) : v < 0.4 ? "nuget" : undefined;
    return { group: fl * 8 + (extra === undefined ? 0 : extra === "jar" ? 1 : extra === "pip" ? 2 : 3), families: extra ? [p.family, extra] : [p.family],
      isPublic: u(1) < 0.35, born: w.start - Math.floor((1 + u(2) * 500) * DAY) };
  }
  if (type === ECR_IMAGE) {
    const app = R.flavour.data[R.parent.data[r]] % ECR_APPS.length;
    const base = fl % ECR_BASES.length;
    return { group: 1000 + base * 64 + app, families: [ECR_BASES[base].os, ECR_APPS[app].app], isPublic: false, born: w.start - Math.floor((1 + u(7) * 200) * DAY) };
  }
  const rt = type === ECR_REPO ? undefined : LAMBDA_RUNTIMES[fl];
  return { group: type === ECR_REPO ? 2000 : 3000 + fl, families: rt?.family ? [rt.family] : [], isPublic: false, born: 0 };
}

export function resourceInfo(w: World, r: number): ResourceInfo {
  let recent = cache.get(w);
  if (!recent) cache.set(w, (recent = new RecentMap(RECENT)));
  let info = recent.get(r);
  if (!info) {
    info = build(w, r);
    recent.add(r, info);
  }
  return info;
}

export function arNetwork(w: World, a: number, reg: number): ReturnType<typeof buildNetwork> {
  let m = nets.get(w);
  if (!m) nets.set(w, (m = new Map()));
  const key = a * 64 + reg;
  let n = m.get(key);
  if (!n) m.set(key, (n = buildNetwork(w, a, reg)));
  return n;
}

function buildNetwork(w: World, a: number, reg: number) {
  const h = (k: number) => hexFrom(17, w.seed, 0x4e7, a, reg, k);
  return { vpc: `vpc-${h(1)}`, igw: `igw-${h(2)}`, acl: `acl-${h(3)}`, pcx: `pcx-${h(4)}`, vgw: `vgw-${h(5)}`, subnets: [0, 1, 2, 3].map((k) => `subnet-${h(10 + k)}`) };
}

export function repoName(w: World, r: number): string {
  const ord = w.res.ordinal.data[r];
  const app = ECR_APPS[w.res.flavour.data[r] % ECR_APPS.length];
  return ord < ECR_APPS.length ? app.repo : `${app.repo}-${ord}`;
}

function build(w: World, r: number): ResourceInfo {
  const R = w.res;
  const type = R.type.data[r], a = R.account.data[r], reg = R.region.data[r], ord = R.ordinal.data[r], fl = R.flavour.data[r];
  const acct = w.accounts[a], region = w.regions[reg];
  const u = (k: number) => hashUnit(w.seed, 0x2e5, r, k);
  const base = { type: RES_TYPES[type], accountId: acct.id, region };
  const common = { Team: acct.team, Environment: acct.environment, Owner: acct.owner };
  const reason = REASONS[R.reason.data[r]];
  if (type === EC2) {
    const p = EC2_PLATFORMS[fl];
    const net = arNetwork(w, a, reg);
    const id = `i-0${hex8(perm32(r, w.seed))}${hexFrom(8, w.seed, 0x1d, r)}`;
    const ami = `ami-0${hexFrom(16, w.seed, 0xa31, a, reg, fl, hash32(w.seed, r) % 3)}`;
    const tr = traits(w, r);
    const isPublic = tr.isPublic;
    const name = `${acct.team}-${ROLES[ord % ROLES.length]}-${ord}`;
    const tags: Record<string, string> = { Name: name, ...common };
    if (reason === "EXCLUDED_BY_TAG") tags.InspectorEc2Exclusion = "true";
    const ip = `10.${(a * 7 + reg) % 250}.${(ord >> 8) % 250}.${(ord % 250) + 4}`;
    const subnetId = net.subnets[hash32(w.seed, r, 5) % 4];
    const launchedAt = tr.born;
    const families = tr.families;
    const details = {
      awsEc2Instance: {
        type: INSTANCE_TYPES[hash32(w.seed, r, 6) % INSTANCE_TYPES.length], imageId: ami,
        ipV4Addresses: isPublic ? [ip, `54.${(r >> 16) % 200 + 10}.${(r >> 8) % 256}.${r % 256}`] : [ip], ipV6Addresses: [],
        keyName: `${acct.team}-ops`, iamInstanceProfileArn: `arn:aws:iam::${acct.id}:instance-profile/${acct.team}-ec2`,
        vpcId: net.vpc, subnetId, launchedAt, platform: p.platform,
      },
    };
    const scanMode = u(4) < 0.25 ? "EC2_AGENTLESS" : "EC2_SSM_AGENT_BASED";
    const aws: ResourceInfo = { ...base, id, tags, details, families, isPublic, ami, platform: p.platform, os: p.os, vpcId: net.vpc, subnetId, scanMode };
    return isAzureVm(w, r) ? toAzureVm(w, r, aws) : aws;
  }
  if (type === ECR_REPO) {
    const name = repoName(w, r);
    const scanFrequency = reason === "SCAN_FREQUENCY_MANUAL" ? "MANUAL" : reason === "SCAN_FREQUENCY_SCAN_ON_PUSH" ? "SCAN_ON_PUSH" : "CONTINUOUS_SCAN";
    return { ...base, id: `arn:aws:ecr:${region}:${acct.id}:repository/${name}`, tags: common, details: {}, families: [], isPublic: false, repoName: name, scanFrequency };
  }
  if (type === ECR_IMAGE) {
    const parent = R.parent.data[r];
    const name = repoName(w, parent);
    const baseImg = ECR_BASES[fl % ECR_BASES.length];
    const app = ECR_APPS[R.flavour.data[parent] % ECR_APPS.length];
    const digest = hex8(perm32(r, w.seed ^ 0x5eed)) + hexFrom(56, w.seed, 0x1a9, r);
    const imageHash = `sha256:${digest}`;
    const ver = `v${1 + (ord % 4)}.${hash32(w.seed, r, 7) % 20}.${hash32(w.seed, r, 8) % 10}`;
    const t = u(5);
    const imageTags = t < 0.15 ? [`pr-${100 + (hash32(w.seed, r, 9) % 900)}`] : t < 0.3 ? [ver, "latest"] : t < 0.35 ? [] : [ver];
    const arch = u(6) < 0.7 ? "amd64" : "arm64";
    const pushedAt = traits(w, r).born;
    const { inUseCount, lastInUseAt, imagePulledAt } = imageUsage(w, r, pushedAt);
    const details = {
      awsEcrContainerImage: {
        repositoryName: name, imageTags, pushedAt, author: "ci@example.com", architecture: arch, imageHash,
        registry: acct.id, platform: baseImg.platform, ...(lastInUseAt ? { lastInUseAt } : {}), inUseCount,
      },
    };
    return {
      ...base, id: `arn:aws:ecr:${region}:${acct.id}:repository/${name}/${imageHash}`, tags: {}, details,
      families: [baseImg.os, app.app], isPublic: false, repoName: name, imageHash, imageTags, arch, pushedAt, lastInUseAt, inUseCount, imagePulledAt,
      platform: baseImg.platform,
    };
  }
  const rt = LAMBDA_RUNTIMES[fl];
  const fnName = `${acct.team}-${VERBS[ord % VERBS.length]}${ord >= VERBS.length ? `-${ord}` : ""}`;
  const layerCount = u(11) < 0.4 ? 0 : u(11) < 0.8 ? 1 : 2;
  const layers = Array.from({ length: layerCount }, (_, k) => `arn:aws:lambda:${region}:${acct.id}:layer:${acct.team}-${k === 0 ? "common" : "observability"}:${1 + (hash32(w.seed, r, 20 + k) % 12)}`);
  const execRole = `arn:aws:iam::${acct.id}:role/${fnName}-role`;
  const lastModifiedAt = w.start - Math.floor((1 + u(12) * 300) * DAY);
  const arch = u(13) < 0.6 ? "X86_64" : "ARM64";
  const tags: Record<string, string> = { ...common, Service: fnName };
  if (reason === "EXCLUDED_BY_TAG") tags.InspectorExclusion = "LambdaStandardScanning";
  const net = arNetwork(w, a, reg);
  const details = {
    awsLambdaFunction: {
      functionName: fnName, runtime: rt.runtime, codeSha256: Buffer.from(hexFrom(64, w.seed, 0xc0de, r), "hex").toString("base64"),
      version: "$LATEST", executionRoleArn: execRole, ...(layers.length ? { layers } : {}),
      ...(u(14) < 0.3 ? { vpcConfig: { subnetIds: net.subnets.slice(0, 2), securityGroupIds: [`sg-0${hexFrom(16, w.seed, 0x5a, r)}`], vpcId: net.vpc } } : {}),
      packageType: "ZIP", architectures: [arch], lastModifiedAt,
    },
  };
  return {
    ...base, id: `arn:aws:lambda:${region}:${acct.id}:function:${fnName}:$LATEST`, tags, details,
    families: rt.family ? [rt.family] : [], isPublic: false, fnName, runtime: rt.runtime, lang: rt.lang, layers, execRole, lastModifiedAt, arch,
  };
}
