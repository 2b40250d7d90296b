// Group-by view: counts per CVE, package, resource, AMI or image; each row opens the list for it.
import Link from "next/link";
import type { FindingGroupItem } from "@/lib/queries/findings/explorer-result";
import type { FindingsFilter, FindingsGroup } from "@/lib/queries/findings/findings-filter";
import { groupFilter } from "@/lib/queries/findings/group-filter";
import { findingsHref, withFilter } from "@/lib/queries/findings/findings-href";
import { formatCount, formatScore } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table-head";

const keyLabel: Record<FindingsGroup, string> = { cve: "Vulnerability", package: "Package", resource: "Resource", ami: "AMI", image: "Image" };

export function GroupTable({ groups, group, filter }: { groups: FindingGroupItem[]; group: FindingsGroup; filter: FindingsFilter }) {
  return (
    <table className="w-full min-w-[40rem] text-sm" data-testid="group-table">
      <TableHead columns={[keyLabel[group], ...["Findings", "Critical", "High", "Exploitable", "Accounts", "Max score"].map((label) => ({ label, align: "right" as const }))]} />
      <tbody>
        {groups.map((g) => (
          <tr key={g.key} className="border-b border-line/70 hover:bg-canvas">
            <td className="max-w-[36rem] px-2 py-1.5">
              <Link href={findingsHref(withFilter(filter, { ...groupFilter(group, g.key), group: undefined }))} className="font-mono text-xs font-semibold hover:text-accent hover:underline">
                {g.key}
              </Link>
              {g.label && g.label !== g.key && <div className="truncate text-xs text-muted">{g.label.replace(`${g.key} - `, "")}</div>}
            </td>
            <td className="px-2 py-1.5 text-right font-semibold tabular-nums">{formatCount(g.count)}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{g.critical ? formatCount(g.critical) : "·"}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{g.high ? formatCount(g.high) : "·"}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{g.exploitable ? formatCount(g.exploitable) : "·"}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{formatCount(g.accounts)}</td>
            <td className="px-2 py-1.5 text-right tabular-nums">{formatScore(g.max_score)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
