// Heatmap rows of other clouds' accounts (pure): one per provider account, labelled by provider,
// with no AWS name, OU or owner. A finding without a provider account id gets "(unknown)".
import type { Severity } from "@/lib/domain/severity";
import type { HeatmapRow } from "./severity-heatmap";
import type { ProviderSeverityCount } from "./provider-counts";

export const UNKNOWN_PROVIDER_ACCOUNT = "(unknown)";

export const providerLabel = (p: string) => (p === "AZURE" ? "Azure" : p === "GCP" ? "Google Cloud" : p.charAt(0) + p.slice(1).toLowerCase());

const otherCloudTypes: Record<string, string> = {
  "Microsoft.Compute/virtualMachines": "Azure VM",
  "Microsoft.ContainerRegistry/registry/containerImage": "Azure container image",
  "Microsoft.Web/sites": "Azure web app",
};

/** Another cloud's resource type in words (Inspector's own spelling when new). */
export const otherCloudTypeLabel = (t: string) => otherCloudTypes[t] ?? t;

export function providerHeatmapRows(counts: ProviderSeverityCount[]): HeatmapRow[] {
  const rows = new Map<string, HeatmapRow>();
  for (const c of counts) {
    const id = c.provider_account_id ?? UNKNOWN_PROVIDER_ACCOUNT;
    const key = `${c.provider}|${id}`;
    const row = rows.get(key) ?? {
      accountId: id, name: null, ou: null, owner: null, provider: c.provider, syncProblems: [], total: 0, left: null,
      counts: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, INFORMATIONAL: 0, UNTRIAGED: 0 },
    };
    row.counts[c.severity as Severity] = (row.counts[c.severity as Severity] ?? 0) + c.count;
    row.total += c.count;
    rows.set(key, row);
  }
  return [...rows.values()];
}

/** Marks the AWS accounts whose Inspector also reports other clouds' findings. */
export function markOtherClouds(rows: HeatmapRow[], counts: ProviderSeverityCount[]): HeatmapRow[] {
  const ids = new Set(counts.map((c) => c.account_id));
  return rows.map((r) => (ids.has(r.accountId) ? { ...r, otherClouds: true } : r));
}
