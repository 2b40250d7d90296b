// Live from Inspector (GetClustersForImage, cached 5 minutes): the ECS/EKS clusters of an image.
import { clustersForImage } from "@/lib/usage/clusters-for-image";
import { formatDateTime } from "@/components/ui/format";

export async function ClustersLoader({ region, resourceId }: { region: string; resourceId: string }) {
  const a = await clustersForImage(region, resourceId);
  if (!a.ok) return <p className="text-sm text-muted">Cluster list unavailable: {a.error}.</p>;
  if (!a.clusters.length) return <p className="text-sm text-muted">Inspector knows no cluster that ran this image.</p>;
  return (
    <ul className="space-y-2 text-sm" data-testid="image-clusters">
      {a.clusters.map((c, i) => (
        <li key={`${c.arn}:${i}`} className="min-w-0">
          <span className="mr-1.5 rounded bg-canvas px-1 text-[10px] font-semibold ring-1 ring-line">{c.kind}</span>
          <span className="font-semibold wrap-anywhere" title={c.arn}>{c.name}</span>
          <span className="block text-xs text-muted wrap-anywhere">
            {c.running ?? "—"} running · {c.stopped ?? "—"} stopped · last {formatDateTime(c.lastInUse)}{c.detail ? ` · ${c.detail}` : ""}
          </span>
        </li>
      ))}
      {a.truncated && <li className="text-xs text-muted">More clusters not shown.</li>}
    </ul>
  );
}
