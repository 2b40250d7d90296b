// The finding page's "Image in use" block: running count, last use and last pull as Inspector
// reported them. Unknown is said so ("unknown" / "—"), never "no" or 0.
import { Suspense } from "react";
import type { FindingUsageRow } from "@/lib/queries/findings/image-usage";
import { DetailSection, Facts } from "@/components/findings/detail/detail-section";
import { formatAge, formatDateTime } from "@/components/ui/format";
import { ClustersLoader } from "./clusters-loader";

const when = (d: Date | null, known: boolean, never: string) => (d ? `${formatDateTime(d)} (${formatAge(d)} ago)` : known ? never : "—");

export function ImageUsagePanel({ usage: u }: { usage: FindingUsageRow }) {
  const known = u.in_use_count !== null;
  const running = !known ? "unknown" : u.in_use_count! > 0 ? `yes, ${u.in_use_count} running task${u.in_use_count === 1 ? "" : "s"} or pod${u.in_use_count === 1 ? "" : "s"}` : "not running anywhere";
  return (
    <DetailSection title="Image in use" id="image-in-use">
      <div data-testid="image-usage">
        <Facts items={[
          ["In use", running],
          ["Last in use", when(u.last_in_use_at, known, "never reported")],
          ["Last pulled", when(u.image_pulled_at, known && u.image_pulled_at === null && u.in_use_count === 0, "never (as far as Inspector knows)")],
        ]} />
      </div>
      <h3 className="mb-1 mt-4 text-xs font-semibold uppercase tracking-wide text-muted">Clusters running it</h3>
      <Suspense fallback={<p className="text-sm text-muted">Asking Inspector…</p>}>
        <ClustersLoader region={u.region} resourceId={u.resource_id} />
      </Suspense>
    </DetailSection>
  );
}
