// GetClustersForImage's answer → what the finding page shows: one row per cluster with its
// kind (ECS/EKS), name, running and stopped units and when it last ran the image. Pure.
import type { ClusterInformation } from "@aws-sdk/client-inspector2";

export interface ImageCluster {
  arn: string;
  kind: "ECS" | "EKS" | "other";
  name: string;
  lastInUse: Date | null;
  running: number | null;
  stopped: number | null;
  /** ECS task definition or EKS namespace and workloads. */
  detail: string | null;
}

export function toImageClusters(info: ClusterInformation[]): ImageCluster[] {
  return info.flatMap((c) => {
    if (!c.clusterArn) return [];
    const kind = /^arn:[^:]+:ecs:/.test(c.clusterArn) ? "ECS" : /^arn:[^:]+:eks:/.test(c.clusterArn) ? "EKS" : "other";
    const name = c.clusterArn.split("/").pop() || c.clusterArn;
    const details = c.clusterDetails?.length ? c.clusterDetails : [undefined];
    return details.map((d) => {
      const ecs = d?.clusterMetadata?.awsEcsMetadataDetails, eks = d?.clusterMetadata?.awsEksMetadataDetails;
      const workloads = eks?.workloadInfoList?.map((w) => `${w.type ?? ""} ${w.name ?? ""}`.trim()).join(", ");
      const detail = ecs ? ecs.taskDefinitionArn?.split("/").pop() ?? ecs.detailsGroup ?? null
        : eks ? [eks.namespace && `namespace ${eks.namespace}`, workloads].filter(Boolean).join(" · ") || null : null;
      return {
        arn: c.clusterArn!, kind, name,
        lastInUse: d?.lastInUse instanceof Date && !Number.isNaN(d.lastInUse.getTime()) ? d.lastInUse : null,
        running: d?.runningUnitCount ?? null, stopped: d?.stoppedUnitCount ?? null, detail,
      } satisfies ImageCluster;
    });
  });
}
