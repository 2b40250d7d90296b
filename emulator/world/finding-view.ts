import { TEMPLATES, type Template } from "../catalogue/templates";
import { hash32, hashUnit, hex8, hexFrom, perm32, unperm32 } from "../prng";
import { arNetwork, resourceInfo, type ResourceInfo } from "./resource-info";
import { providerFields } from "./azure";
import { DELETED, STATUS, type World } from "./types";
import { advisoryNaming, advisoryTitle, extraResources } from "./finding-shapes";

// Turns a finding index into the wire Finding object. The ARN embeds a permuted index so
// a findingArn lookup needs no map.

const salt = (w: World) => (w.seed * 2654435761) >>> 0;

export function findingArn(w: World, i: number): string {
  const r = w.res.region.data[w.f.res.data[i]];
  const acct = w.accounts[w.res.account.data[w.f.res.data[i]]].id;
  return `arn:aws:inspector2:${w.regions[r]}:${acct}:finding/${hex8(perm32(i, salt(w)))}${hexFrom(24, w.seed, 0xf1, i)}`;
}

/** Finding index for an ARN, or -1 when the ARN is not one of ours (or deleted). */
export function findingIndexFromArn(w: World, arn: string): number {
  const m = /^arn:aws:inspector2:[a-z0-9-]+:\d{12}:finding\/([0-9a-f]{8})[0-9a-f]{24}$/.exec(arn);
  if (!m) return -1;
  const i = unperm32(parseInt(m[1], 16), salt(w));
  if (i >= w.f.res.length || w.f.status.data[i] === DELETED) return -1;
  return findingArn(w, i) === arn ? i : -1;
}

function osVersion(v: string) {
  const epochSplit = v.includes(":") ? v.split(":") : ["0", v];
  const dash = epochSplit[1].indexOf("-");
  return { epoch: Number(epochSplit[0]), version: dash < 0 ? epochSplit[1] : epochSplit[1].slice(0, dash), release: dash < 0 ? undefined : epochSplit[1].slice(dash + 1) };
}

function packageDetails(w: World, i: number, t: Template, info: ResourceInfo) {
  const c = t.cve!;
  const os = c.family === "deb" || c.family === "rpm" || c.family === "win";
  const pkg: Record<string, unknown> = { name: c.pkg, packageManager: t.packageManager };
  if (os && c.family !== "win") {
    const v = osVersion(c.version);
    Object.assign(pkg, { version: v.version, release: v.release, epoch: v.epoch, arch: info.arch === "arm64" || info.arch === "ARM64" ? "AARCH64" : "X86_64" });
    pkg.fixedInVersion = c.fixed === "NotAvailable" ? "NotAvailable" : c.fixed.includes(":") ? c.fixed : `0:${c.fixed}`;
    pkg.remediation = c.fixed === "NotAvailable" ? "None Provided" : c.family === "deb" ? "apt-get update && apt-get upgrade" : `yum update ${c.pkg}`;
  } else {
    pkg.version = c.version;
    pkg.fixedInVersion = c.fixed;
    pkg.remediation = c.fixed === "NotAvailable" ? "None Provided" : `Upgrade your installed software packages to the proposed fixed in version and release.\n\n${c.pkg} ${c.fixed}`;
    const root = info.fnName ? "var/task" : "app";
    const short = c.pkg.split(/[:/]/).pop()!;
    pkg.filePath = {
      jar: `${root}/lib/${short}-${c.version}.jar`, npm: `${root}/node_modules/${c.pkg}/package.json`,
      pip: `${root === "app" ? "usr/local/lib/python3.11/site-packages" : root}/${c.pkg}-${c.version}.dist-info/METADATA`,
      gomod: `${root}/go.mod`, nuget: `${root}/app.deps.json`, win: undefined, deb: undefined, rpm: undefined,
    }[c.family];
  }
  if (info.imageHash) pkg.sourceLayerHash = `sha256:${hexFrom(64, w.seed, 0x1a7, w.f.res.data[i], t.index % 3)}`;
  if (info.layers?.length && hashUnit(w.seed, 0x1a8, i) < 0.35) pkg.sourceLambdaLayerArn = info.layers[0];
  const published = Date.parse(`${c.published}T00:00:00Z`) / 1000;
  const advisory = advisoryNaming(w, t);
  const id = advisory?.vulnerabilityId ?? c.id;
  return {
    vulnerabilityId: id, source: t.source, vulnerablePackages: [pkg],
    cvss: [{ baseScore: c.score, scoringVector: c.vector, version: "3.1", source: "NVD" }],
    relatedVulnerabilities: advisory?.related ?? [],
    sourceUrl: id !== c.id ? `https://github.com/advisories/${id}` : c.family === "deb" ? `https://ubuntu.com/security/${c.id}` : `https://nvd.nist.gov/vuln/detail/${c.id}`,
    vendorSeverity: t.vendorSeverity, vendorCreatedAt: published, vendorUpdatedAt: published + 86400 * (3 + (hash32(t.index) % 40)),
    referenceUrls: referenceUrls(w, id !== c.id ? `https://github.com/advisories/${id}` : `https://www.cve.org/CVERecord?id=${c.id}`, c.id),
  };
}

function networkDetails(w: World, i: number, t: Template, info: ResourceInfo) {
  const n = t.net!;
  const r = w.f.res.data[i];
  const net = arNetwork(w, w.res.account.data[r], w.res.region.data[r]);
  const first = n.via === "igw" ? { componentId: net.igw, componentType: "AWS::EC2::InternetGateway" }
    : n.via === "peering" ? { componentId: net.pcx, componentType: "AWS::EC2::VPCPeeringConnection" }
    : { componentId: net.vgw, componentType: "AWS::EC2::VPNGateway" };
  const steps = [first, { componentId: net.acl, componentType: "AWS::EC2::NetworkAcl" },
    { componentId: `sg-0${hexFrom(16, w.seed, 0x5a, r)}`, componentType: "AWS::EC2::SecurityGroup" },
    { componentId: `eni-0${hexFrom(16, w.seed, 0xe1, r)}`, componentType: "AWS::EC2::NetworkInterface" },
    { componentId: info.id, componentType: "AWS::EC2::Instance" }];
  return { openPortRange: { begin: n.begin, end: n.end }, protocol: n.protocol, networkPath: { steps } };
}

const EXT: Record<string, string> = { python: "py", javascript: "js", java: "java", go: "go", csharp: "cs", ruby: "rb" };

function codeDetails(w: World, i: number, t: Template, info: ResourceInfo) {
  const c = t.code!;
  const lang = info.lang ?? "python";
  const file = ["handler", "app", "db", "utils", "client"][hash32(w.seed, i, 3) % 5];
  const start = 10 + (hash32(w.seed, i, 4) % 300);
  return {
    filePath: { fileName: `${file}.${EXT[lang]}`, filePath: `src/${file}.${EXT[lang]}`, startLine: start, endLine: start + (hash32(w.seed, i, 5) % 6) },
    detectorTags: c.tags, referenceUrls: [`https://cwe.mitre.org/data/definitions/${c.cwes[0].slice(4)}.html`],
    ruleId: `${lang}-${c.detector}`, detectorId: `${lang}/${c.detector}@v1.0`, detectorName: c.name, cwes: c.cwes,
  };
}

/** The vulnerable package of a package finding, without materialising the whole finding. */
export function packageOf(w: World, i: number): Record<string, unknown> | undefined {
  const t = TEMPLATES[w.f.tpl.data[i]];
  if (!t.cve) return undefined;
  return (packageDetails(w, i, t, resourceInfo(w, w.f.res.data[i])).vulnerablePackages as Record<string, unknown>[])[0];
}

export function codeFilePath(w: World, i: number): string {
  const info = resourceInfo(w, w.f.res.data[i]);
  return (codeDetails(w, i, TEMPLATES[w.f.tpl.data[i]], info).filePath as { filePath: string }).filePath;
}

export function materialiseFinding(w: World, i: number): Record<string, unknown> {
  const f = w.f, t = TEMPLATES[f.tpl.data[i]];
  const r = f.res.data[i];
  const info = resourceInfo(w, r);
  const out: Record<string, unknown> = {
    findingArn: findingArn(w, i), awsAccountId: info.accountId, type: t.type, title: advisoryTitle(w, t), description: t.description,
    severity: t.severity, status: STATUS[f.status.data[i]],
    firstObservedAt: f.first.data[i], lastObservedAt: f.last.data[i], updatedAt: f.updated.data[i],
    remediation: { recommendation: remediation(t, info) },
    resources: [{ type: info.type, id: info.id, partition: info.provider ? "azure" : "aws", region: info.providerRegion ?? info.region, tags: info.tags, details: info.details, ...providerFields(info) }, ...extraResources(w, i, r)],
  };
  if (t.type === "PACKAGE_VULNERABILITY") {
    const c = t.cve!;
    if (t.inspectorScore !== undefined) {
      out.inspectorScore = t.inspectorScore;
      out.inspectorScoreDetails = { adjustedCvss: { scoreSource: "NVD", cvssSource: "NVD", version: "3.1", score: c.score, scoringVector: c.vector, adjustments: adjustments(t) } };
    }
    out.packageVulnerabilityDetails = packageDetails(w, i, t, info);
    out.fixAvailable = t.fixAvailable;
    const exploit = w.f.exploit.data[i] === 1;
    out.exploitAvailable = exploit ? "YES" : "NO";
    if (exploit) out.exploitabilityDetails = { lastKnownExploitAt: w.tplExploitAt[t.index] };
    out.epss = { score: t.epss };
  } else if (t.type === "NETWORK_REACHABILITY") {
    out.networkReachabilityDetails = networkDetails(w, i, t, info);
  } else {
    out.codeVulnerabilityDetails = codeDetails(w, i, t, info);
  }
  return out;
}

function adjustments(t: Template) {
  const c = t.cve!;
  if (t.family === "deb" || t.family === "rpm") {
    if (c.score >= 9 && t.severity !== "CRITICAL") return [{ metric: "severity", reason: `The vendor ${t.source} rated this ${t.vendorSeverity}; the vendor rating is used.` }];
  }
  return [];
}

function remediation(t: Template, info: ResourceInfo): Record<string, string> {
  if (t.type === "NETWORK_REACHABILITY") {
    return { text: "You can restrict access to your instance by modifying the Security Groups or ACLs in the network path.", Url: "https://docs.aws.amazon.com/inspector/latest/user/findings-types.html#findings-types-network" };
  }
  if (t.type === "CODE_VULNERABILITY") {
    return { text: `Validate and sanitise untrusted input before it reaches the sink (${t.code!.name}).`, Url: `https://docs.aws.amazon.com/codeguru/detector-library/${info.lang ?? "python"}/${t.code!.detector}/` };
  }
  return { text: "None Provided" };
}

/** The advisory's own page, then (quirk referenceUrls) the kind of pages real advisories also list. */
function referenceUrls(w: World, own: string, cve: string): string[] {
  const urls = [own];
  const hosts = ["https://lists.debian.org/debian-lts-announce/", "https://access.redhat.com/errata/RHSA-", "https://security.netapp.com/advisory/ntap-", "https://github.com/", "https://www.openwall.com/lists/oss-security/"];
  for (let k = 1; k < w.quirks.referenceUrls; k++) urls.push(`${hosts[k % hosts.length]}${cve.toLowerCase()}-${k}`);
  return urls;
}
