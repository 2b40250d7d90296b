import type { Scope } from "@/lib/queries/scope";
import { getRegionConfigs, getScanConfigWarnings } from "@/lib/queries/coverage/scan-config";
import { Card } from "@/components/ui/card";
import { ScanConfigWarnings } from "./scan-config-warnings";

/** The coverage page's lead: which accounts or regions will silently stop being scanned. */
export async function ScanConfigLoader({ scope }: { scope: Scope }) {
  const [warnings, configs] = await Promise.all([getScanConfigWarnings(scope), getRegionConfigs()]);
  return (
    <Card title="What will go wrong next" actions={<span className="text-xs text-muted">auto-enable and scan state per region</span>}>
      <ScanConfigWarnings warnings={warnings} configured={configs.length > 0} />
    </Card>
  );
}
