// A heatmap row for another cloud's account (an Azure subscription): labelled by provider, no link
// to an AWS account page and no AWS name; its cells open the explorer on provider + account.
import type { Severity } from "@/lib/domain/severity";
import type { HeatmapRow } from "@/lib/queries/posture/severity-heatmap";
import { providerLabel, UNKNOWN_PROVIDER_ACCOUNT } from "@/lib/queries/posture/provider-rows";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import type { HeatRow } from "@/components/charts/heatmap-grid";
import type { InUseMode } from "@/lib/domain/in-use";

export function providerRow(r: HeatmapRow, regions: string[], inUse: InUseMode | undefined, indent: boolean): HeatRow {
  const p = r.provider!;
  const known = r.accountId !== UNKNOWN_PROVIDER_ACCOUNT;
  return {
    id: `${p}:${r.accountId}`,
    label: (
      <span data-testid="provider-row">
        <span className="mr-1.5 rounded bg-sky-50 px-1 text-[10px] font-semibold text-sky-900 ring-1 ring-sky-700/25">{providerLabel(p)}</span>
        <span className="font-mono text-[11px]">{known ? r.accountId : "account unknown"}</span>
      </span>
    ),
    title: `${providerLabel(p)} account ${r.accountId}`,
    detail: null,
    counts: r.counts,
    total: r.total,
    indent,
    hrefFor: (severity?: Severity) =>
      findingsHref({ provider: [p], ...(known ? { providerAccount: r.accountId } : {}), severity: severity ? [severity] : [], region: regions, inUse }),
  };
}
