import type { Scope } from "@/lib/queries/scope";
import { getTopRisks } from "@/lib/queries/posture/top-risks";
import { overviewMemo } from "@/lib/queries/posture/sync-version";
import { Card } from "@/components/ui/card";
import { TopRisksCard } from "./top-risks-card";

/** Organization-wide even under a region filter: ranking within one region reads every row of
 *  the region (~1 s cold at a million findings), and the riskiest CVEs matter wherever they are. */
export async function TopRisksLoader({ scope, regionFiltered }: { scope: Scope; regionFiltered: boolean }) {
  const risks = await overviewMemo().get(`risks:${JSON.stringify(scope)}`, () => getTopRisks(scope, []));
  return (
    <Card
      title={regionFiltered ? "Top risks · all regions" : "Top risks"}
      actions={<span className="text-xs text-muted">exploit › score › EPSS</span>}
    >
      <TopRisksCard risks={risks} regions={[]} />
    </Card>
  );
}
