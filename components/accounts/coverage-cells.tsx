import Link from "next/link";
import { scanTypeLabel, scanTypes } from "@/lib/domain/finding-enums";
import type { CoverageMatrixRow } from "@/lib/queries/coverage/coverage-matrix";
import { coverageResourcesHref } from "@/lib/queries/coverage/coverage-resources-filter";
import { cellVerdict } from "@/components/coverage/coverage-matrix-table";
import { formatCount } from "@/components/ui/format";

/** The account's row of the coverage matrix as four cards. */
export function CoverageCells({ row }: { row: CoverageMatrixRow }) {
  return (
    <div className="grid grid-cols-2 gap-2 md:grid-cols-4">
      {scanTypes.map((s) => {
        const c = row.cells[s];
        const v = cellVerdict(c);
        return (
          <Link key={s} href={coverageResourcesHref({ account: row.accountId, scanType: s })} className={`rounded-md px-3 py-2 hover:outline hover:outline-2 hover:outline-ink ${v.tone}`}>
            <div className="text-xs font-semibold uppercase tracking-wide opacity-80">{scanTypeLabel[s]}</div>
            <div className="text-base font-semibold">{v.text}</div>
            <div className="text-xs opacity-80">{formatCount(c.active)} / {formatCount(c.active + c.inactive)} resources · on in {c.enabledRegions}/{c.regions} regions</div>
          </Link>
        );
      })}
    </div>
  );
}
