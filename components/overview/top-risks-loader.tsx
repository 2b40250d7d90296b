import type { Scope } from "@/lib/queries/scope";
import { orgTopRisks } from "@/lib/queries/posture/overview-reads";
import { Card } from "@/components/ui/card";
import { TopRisksCard } from "./top-risks-card";

/** Top risks are organization-wide even under a region filter (see orgTopRisks), and say so. */
export async function TopRisksLoader({ scope, regionFiltered }: { scope: Scope; regionFiltered: boolean }) {
  const risks = await orgTopRisks(scope);
  return (
    <Card
      title={regionFiltered ? "Top risks · all regions" : "Top risks"}
      actions={<span className="text-xs text-muted">exploit › score › EPSS</span>}
    >
      <TopRisksCard risks={risks} regions={[]} />
    </Card>
  );
}
