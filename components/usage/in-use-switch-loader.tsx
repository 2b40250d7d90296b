import type { Scope } from "@/lib/queries/scope";
import { imageUsageSummary } from "@/lib/queries/posture/overview-reads";
import { InUseSwitch } from "./in-use-switch";

/** The switch with its explanation, which needs one small count over open image findings. */
export async function InUseSwitchLoader({ scope, regions, on, href }: { scope: Scope; regions: string[]; on: boolean; href: string }) {
  return <InUseSwitch on={on} href={href} summary={await imageUsageSummary(scope, regions)} />;
}
