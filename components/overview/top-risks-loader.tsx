import type { Scope } from "@/lib/queries/scope";
import { getTopRisks } from "@/lib/queries/posture/top-risks";
import { overviewMemo } from "@/lib/queries/posture/sync-version";
import { Card } from "@/components/ui/card";
import { TopRisksCard } from "./top-risks-card";

export async function TopRisksLoader({ scope, regions }: { scope: Scope; regions: string[] }) {
  const risks = await overviewMemo().get(`risks:${JSON.stringify([scope, regions])}`, () => getTopRisks(scope, regions));
  return (
    <Card title="Top risks" actions={<span className="text-xs text-muted">exploit › score › EPSS</span>}>
      <TopRisksCard risks={risks} regions={regions} />
    </Card>
  );
}
