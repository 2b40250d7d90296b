import { resourceInfo } from "./resource-info";
import { imageUsage } from "./image-usage";
import type { World } from "./types";

// The clusters of an image: running images have 1-4 (ECS and EKS) with running units; idle ones
// keep the clusters that last ran them, with only stopped units; never-pulled images have none.

export function clustersFor(w: World, r: number, u: (k: number) => number): Record<string, unknown>[] {
  const info = resourceInfo(w, r);
  const acct = w.accounts[w.res.account.data[r]];
  const usage = imageUsage(w, r, info.pushedAt ?? w.start);
  if (usage.kind === "never") return [];
  const n = 1 + Math.floor(u(1) * 4);
  const out: Record<string, unknown>[] = [];
  for (let k = 0; k < n; k++) {
    const eks = u(10 + k) < 0.4;
    const name = `${acct.team}-${acct.environment}-${eks ? "k8s" : "ecs"}-${k + 1}`;
    const running = usage.kind === "running" ? 1 + Math.floor(u(20 + k) * 6) : 0;
    const clusterMetadata = eks
      ? { awsEksMetadataDetails: { namespace: acct.team, workloadInfoList: [{ name: `${info.repoName}-deploy`, type: "Deployment" }] } }
      : { awsEcsMetadataDetails: { detailsGroup: `service:${info.repoName}`, taskDefinitionArn: `arn:aws:ecs:${info.region}:${acct.id}:task-definition/${info.repoName}:${1 + k}` } };
    out.push({
      clusterArn: `arn:aws:${eks ? "eks" : "ecs"}:${info.region}:${acct.id}:cluster/${name}`,
      clusterDetails: [{ lastInUse: usage.lastInUseAt, runningUnitCount: running, stoppedUnitCount: Math.floor(u(30 + k) * 3), clusterMetadata }],
    });
  }
  return out;
}
