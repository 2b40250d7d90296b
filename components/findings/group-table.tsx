// Group-by view: counts per CVE, package, resource, AMI or image; each row opens the list for it.
// The cells' spacing and alignment are .group-cards rules in app/globals.css. Below the sm breakpoint
// each row is a card: the key across the top, the six counts under it in two lines, each saying what
// it is (its data-label, shown before the value; the header is hidden there). Its links do not
// prefetch (one request per row as it scrolls into view; see findings-table.tsx).
import Link from "next/link";
import type { FindingGroupItem } from "@/lib/queries/findings/explorer-result";
import type { FindingsFilter, FindingsGroup } from "@/lib/queries/findings/findings-filter";
import { groupFilter } from "@/lib/queries/findings/group-filter";
import { findingsHref, withFilter } from "@/lib/queries/findings/findings-href";
import { formatCount, formatScore } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table-head";
import { findingKeyLabel } from "@/lib/domain/finding-key-label";

const keyLabel: Record<FindingsGroup, string> = { cve: "Vulnerability / rule / port", package: "Package", resource: "Resource", ami: "AMI", image: "Image" };

export function GroupTable({ groups, group, filter }: { groups: FindingGroupItem[]; group: FindingsGroup; filter: FindingsFilter }) {
  return (
    <table className="group-cards w-full text-sm sm:min-w-[40rem]" data-testid="group-table">
      <TableHead columns={[keyLabel[group], ...["Findings", "Critical", "High", "Exploitable", "Accounts", "Max score"].map((label) => ({ label, align: "right" as const }))]} />
      <tbody>
        {groups.map((g) => (
          <tr key={g.key}>
            <td>
              <Link href={findingsHref(withFilter(filter, { ...groupFilter(group, g.key), group: undefined }))} prefetch={false}>{group === "cve" ? findingKeyLabel(g.key) : g.key}</Link>
              {g.label && g.label !== g.key && <div className="truncate text-xs text-muted">{g.label.replace(`${g.key} - `, "")}</div>}
            </td>
            <td data-label="Findings">{formatCount(g.count)}</td>
            <td data-label="Critical">{g.critical ? formatCount(g.critical) : "·"}</td>
            <td data-label="High">{g.high ? formatCount(g.high) : "·"}</td>
            <td data-label="Exploitable">{g.exploitable ? formatCount(g.exploitable) : "·"}</td>
            <td data-label="Accounts">{formatCount(g.accounts)}</td>
            <td data-label="Max score">{formatScore(g.max_score)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
