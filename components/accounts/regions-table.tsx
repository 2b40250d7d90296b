import type { AccountRegionRow } from "@/lib/queries/accounts/account-detail";
import { StatusPill } from "@/components/ui/status-pill";
import { formatAge, formatDateTime } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table-head";
import { IntegrityCell } from "@/components/sync/integrity-cell";

/** Per region: Inspector and scan-type enablement, and how the last sync of it went. */
export function RegionsTable({ regions }: { regions: AccountRegionRow[] }) {
  if (!regions.length) return <p className="text-sm text-muted">No region of this account has been synced yet.</p>;
  return (
    <table className="w-full text-sm" data-testid="regions-table">
      <TableHead columns={["Region", "Inspector", "EC2", "ECR", "Lambda", "Lambda code", "Sync", "Integrity", { label: "Last synced", align: "right" }]} />
      <tbody>
        {regions.map((r) => (
          <tr key={r.region} className="border-b border-line/60 last:border-0">
            <td className="px-2 py-1.5 font-mono text-xs">{r.region}</td>
            <td className="px-2 py-1.5"><StatusPill value={r.inspector_status ?? "UNKNOWN"} />{r.relationship_status && r.relationship_status !== "ENABLED" && <span className="ml-1 text-[11px] text-muted">member {r.relationship_status.toLowerCase()}</span>}</td>
            {[r.ec2_status, r.ecr_status, r.lambda_status, r.lambda_code_status].map((s, i) => <td key={i} className="px-2 py-1.5"><StatusPill value={s ?? "UNKNOWN"} /></td>)}
            <td className="max-w-[16rem] px-2 py-1.5">
              <StatusPill value={r.sync_status} />
              {r.sync_error && <div className="truncate text-[11px] text-red-800" title={r.sync_error}>{r.sync_error}</div>}
            </td>
            <td className="px-2 py-1.5 text-xs">
              <IntegrityCell r={r} />
            </td>
            <td className="px-2 py-1.5 text-right text-xs tabular-nums" title={formatDateTime(r.last_synced_at)}>{r.last_synced_at ? `${formatAge(r.last_synced_at)} ago` : "never"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
