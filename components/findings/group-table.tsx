// Group-by view: counts per CVE, package, resource, AMI or image; each row opens the list for it.
// Below the sm breakpoint each row is a card (.group-cards in app/globals.css): the key across the
// top, the six counts under it in two lines, each saying what it is (the header is hidden there).
import type { ReactNode } from "react";
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
          <tr key={g.key} className="border-b border-line/70 hover:bg-canvas">
            <td className="max-w-[36rem] px-2 py-1.5">
              <Link href={findingsHref(withFilter(filter, { ...groupFilter(group, g.key), group: undefined }))} className="font-mono text-xs font-semibold hover:text-accent hover:underline">
                {group === "cve" ? findingKeyLabel(g.key) : g.key}
              </Link>
              {g.label && g.label !== g.key && <div className="truncate text-xs text-muted">{g.label.replace(`${g.key} - `, "")}</div>}
            </td>
            <Count label="Findings" className="font-semibold">{formatCount(g.count)}</Count>
            <Count label="Critical">{g.critical ? formatCount(g.critical) : "·"}</Count>
            <Count label="High">{g.high ? formatCount(g.high) : "·"}</Count>
            <Count label="Exploitable">{g.exploitable ? formatCount(g.exploitable) : "·"}</Count>
            <Count label="Accounts">{formatCount(g.accounts)}</Count>
            <Count label="Max score">{formatScore(g.max_score)}</Count>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A count's cell; on a phone, where the header is hidden, it says what it counts. */
function Count({ label, className = "", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <td className={`whitespace-nowrap px-2 py-1.5 text-right tabular-nums ${className}`}>
      <span className="text-xs font-normal text-muted sm:hidden">{label} </span>{children}
    </td>
  );
}
