import { lifecycleStatuses } from "@/lib/domain/lifecycle";
import Link from "next/link";
import type { CoverageResourceRow } from "@/lib/queries/coverage/coverage-resources";
import { explainScanStatusReason } from "@/lib/domain/scan-status-reasons";
import { resourceTypeLabel, type ResourceType } from "@/lib/domain/finding-enums";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { StatusPill } from "@/components/ui/status-pill";
import { formatAge } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table-head";
import { Ec2ScanMode } from "./ec2-scan-mode";

export function CoverageResourcesTable({ rows }: { rows: Omit<CoverageResourceRow, "total">[] }) {
  return (
    <table className="w-full text-sm" data-testid="coverage-resources">
      <TableHead columns={["Resource", "Account", "Scan", "Status", "Reason", { label: "Last scanned", align: "right" }]} />
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.region}/${r.resource_id}/${r.scan_type}`} className="border-b border-line/60 hover:bg-canvas" data-resource={r.resource_id}>
            <td className="max-w-[28rem] px-2 py-1.5">
              <Link prefetch={false} href={findingsHref({ resource: r.resource_id, status: [...lifecycleStatuses] })} className="block truncate font-mono text-xs hover:text-accent hover:underline" title={r.resource_id}>
                {r.resource_name ?? r.resource_id}
              </Link>
              <span className="text-[11px] text-muted">{resourceTypeLabel[r.resource_type as ResourceType] ?? r.resource_type} · {r.region}</span>
            </td>
            <td className="px-2 py-1.5">
              <Link prefetch={false} href={`/accounts/${r.account_id}`} className="hover:text-accent hover:underline">{r.account_name ?? r.account_id}</Link>
              <div className="font-mono text-[11px] text-muted">{r.account_id}</div>
            </td>
            <td className="px-2 py-1.5 text-xs">{r.scan_type.toLowerCase()}<Ec2ScanMode row={r} /></td>
            <td className="px-2 py-1.5"><StatusPill value={r.scan_status_code} label={r.scan_status_code === "ACTIVE" ? "scanned" : "not scanned"} /></td>
            <td className="px-2 py-1.5 text-xs" title={explainScanStatusReason(r.scan_status_reason).cause}>{explainScanStatusReason(r.scan_status_reason).label}</td>
            <td className="px-2 py-1.5 text-right text-xs tabular-nums">{r.last_scanned_at ? `${formatAge(r.last_scanned_at)} ago` : "never"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
