import type { mapNetwork } from "@/lib/queries/findings/finding-raw-mapper";

/** The reachability path from the internet (or a peer) to the instance, step by step. */
export function NetworkPath({ network }: { network: NonNullable<ReturnType<typeof mapNetwork>> }) {
  return (
    <div className="space-y-2 text-sm">
      <p>
        Open port <span className="font-mono font-semibold">{network.ports ?? "?"}</span> / {network.protocol ?? "?"}, reachable along this path:
      </p>
      <ol className="flex flex-wrap items-center gap-1.5">
        {network.steps.map((s, i) => (
          <li key={`${s.componentId}-${i}`} className="flex items-center gap-1.5">
            {i > 0 && <span aria-hidden className="text-muted">→</span>}
            <span className="rounded-md border border-line bg-canvas px-2 py-1">
              <span className="block text-[11px] text-muted">{s.componentType.replace("AWS::EC2::", "")}</span>
              <span className="font-mono text-xs">{s.componentId}</span>
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
