// The resource, remediation, exploit and vulnerability facts of a raw Inspector finding.
import { rawDate } from "./finding-raw-mapper";
import { arr, obj, type Json } from "./json-read";

/** Readable labels for the resource details Inspector sends, in display order. */
const detailLabels: Record<string, string> = {
  type: "Instance type", imageId: "AMI", platform: "Platform", vpcId: "VPC", subnetId: "Subnet", keyName: "Key pair",
  iamInstanceProfileArn: "Instance profile", ipV4Addresses: "IPv4", ipV6Addresses: "IPv6", launchedAt: "Launched",
  repositoryName: "Repository", imageHash: "Image digest", imageTags: "Image tags", registry: "Registry", architecture: "Architecture",
  author: "Author", pushedAt: "Pushed", lastInUseAt: "Last in use", inUseCount: "In use by",
  functionName: "Function", runtime: "Runtime", version: "Version", codeSha256: "Code SHA-256", executionRoleArn: "Execution role",
  packageType: "Package type", architectures: "Architectures", layers: "Layers", lastModifiedAt: "Last modified", vpcConfig: "VPC config",
};
const dateKeys = new Set(["launchedAt", "pushedAt", "lastInUseAt", "lastModifiedAt"]);

function display(key: string, v: unknown): string | undefined {
  if (v === undefined || v === null || v === "") return undefined;
  if (dateKeys.has(key)) return rawDate(v)?.toISOString().replace("T", " ").slice(0, 16).concat(" UTC");
  if (Array.isArray(v)) return v.length ? v.map(String).join(", ") : undefined;
  if (typeof v === "object") {
    const entries = Object.entries(v as Json).map(([k, x]) => `${k}: ${Array.isArray(x) ? x.join(", ") : String(x)}`);
    return entries.length ? entries.join("; ") : undefined;
  }
  return String(v);
}

/** Every resource Inspector lists for the finding, in its order (at least one entry). */
export function mapResources(raw: Json) {
  const n = Math.max(1, arr(raw.resources).length);
  return Array.from({ length: n }, (_, i) => mapResource(raw, i));
}

export function mapResource(raw: Json, index = 0) {
  const r = obj(arr(raw.resources)[index]);
  const details = Object.values(obj(r.details))[0];
  const facts = Object.entries(obj(details))
    .map(([k, v]) => ({ key: k, label: detailLabels[k] ?? k, value: display(k, v) }))
    .filter((f): f is { key: string; label: string; value: string } => f.value !== undefined)
    .sort((a, b) => order(a.key) - order(b.key));
  const tags = Object.entries(obj(r.tags)).map(([k, v]) => ({ key: k, value: String(v) }));
  return { type: r.type as string | undefined, id: r.id as string | undefined, region: r.region as string | undefined, partition: r.partition as string | undefined, facts, tags };
}

function order(key: string): number {
  const i = Object.keys(detailLabels).indexOf(key);
  return i < 0 ? 999 : i;
}

export function mapRemediation(raw: Json) {
  const rec = obj(obj(raw.remediation).recommendation);
  const text = typeof rec.text === "string" && rec.text !== "None Provided" ? rec.text : undefined;
  return { text, url: typeof rec.Url === "string" ? rec.Url : undefined };
}

export function mapVulnerability(raw: Json) {
  const d = obj(raw.packageVulnerabilityDetails);
  return {
    id: typeof d.vulnerabilityId === "string" ? d.vulnerabilityId : undefined,
    source: typeof d.source === "string" ? d.source : undefined,
    vendorCreatedAt: rawDate(d.vendorCreatedAt),
    vendorUpdatedAt: rawDate(d.vendorUpdatedAt),
    related: arr(d.relatedVulnerabilities).map(String),
    lastKnownExploitAt: rawDate(obj(raw.exploitabilityDetails).lastKnownExploitAt),
  };
}
