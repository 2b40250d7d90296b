// Which clusters run an ECR image, asked of Inspector (GetClustersForImage) when a finding page
// needs it, with the app's assumed role, and kept 5 minutes. On demand rather than synced: it is
// one call per image (thousands per sync for one page's sidebar), and it is live data anyway.
import { GetClustersForImageCommand, Inspector2Client } from "@aws-sdk/client-inspector2";
import { roleCredentials } from "@/lib/aws/credentials";
import { syncConfigFromEnv } from "@/lib/sync/sync-config";
import { toImageClusters, type ImageCluster } from "./image-clusters";

export type ClustersAnswer = { ok: true; clusters: ImageCluster[]; truncated: boolean; at: Date } | { ok: false; error: string };

const TTL_MS = 5 * 60_000, MAX_ENTRIES = 500, MAX_PAGES = 5;
const cache = new Map<string, { at: number; answer: Promise<ClustersAnswer> }>();
const clients = new Map<string, Inspector2Client>();
let credentials: ReturnType<typeof roleCredentials> | undefined;

function client(region: string): Inspector2Client {
  let c = clients.get(region);
  if (!c) {
    const cfg = syncConfigFromEnv();
    credentials ??= roleCredentials({ roleArn: cfg.roleArn, externalId: cfg.externalId, sessionName: cfg.sessionName, stsRegion: cfg.regions[0] });
    clients.set(region, (c = new Inspector2Client({ region, credentials, maxAttempts: 3 })));
  }
  return c;
}

async function ask(region: string, resourceId: string): Promise<ClustersAnswer> {
  try {
    const out: ImageCluster[] = [];
    let nextToken: string | undefined, pages = 0;
    do {
      const page = await client(region).send(new GetClustersForImageCommand({ filter: { resourceId }, maxResults: 100, nextToken }));
      out.push(...toImageClusters(page.cluster ?? []));
      nextToken = page.nextToken || undefined;
    } while (nextToken && ++pages < MAX_PAGES);
    return { ok: true, clusters: out, truncated: Boolean(nextToken), at: new Date() };
  } catch (err) {
    const e = err as { name?: string; message?: string };
    return { ok: false, error: e.name === "AccessDeniedException" ? "no access (inspector2:GetClustersForImage)" : e.name === "ResourceNotFoundException" ? "Inspector does not know this image" : `${e.name ?? "Error"}: ${e.message ?? ""}`.slice(0, 200) };
  }
}

export function clustersForImage(region: string, resourceId: string, now = Date.now()): Promise<ClustersAnswer> {
  const key = `${region}|${resourceId}`;
  const hit = cache.get(key);
  if (hit && now - hit.at < TTL_MS) return hit.answer;
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  const answer = ask(region, resourceId);
  cache.set(key, { at: now, answer });
  return answer;
}
