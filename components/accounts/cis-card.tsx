import type { Scope } from "@/lib/queries/scope";
import { getFailedChecks, getLatestCisScans } from "@/lib/queries/cis/cis-results";
import { getCostByAccount } from "@/lib/queries/cost/usage-cost";
import { formatCost } from "@/lib/domain/cost";
import { Card } from "@/components/ui/card";
import { ScrollArea } from "@/components/ui/scroll-area";
import { TableHead } from "@/components/ui/table-head";
import { formatCount, formatDate } from "@/components/ui/format";

/** The account's latest CIS benchmark scan per region with its failed checks, and what Inspector costs for it. */
export async function AccountCisCard({ scope, accountId }: { scope: Scope; accountId: string }) {
  const [scans, costs] = await Promise.all([getLatestCisScans(scope, [accountId]), getCostByAccount(scope, [accountId])]);
  const failed = await getFailedChecks(scope, accountId, scans.map((s) => s.scanArn));
  const cost = costs.get(accountId);
  return (
    <Card title="CIS benchmark and cost" actions={<span className="text-xs text-muted" data-testid="account-cost">Inspector cost: {formatCost(cost)} / month (estimate)</span>}>
      {!scans.length ? (
        <p className="text-sm text-muted">No completed CIS benchmark scan has targeted this account.</p>
      ) : (
        <div className="space-y-3" data-testid="account-cis">
          <ul className="text-sm">
            {scans.map((s) => (
              <li key={s.region}>
                <span className="font-semibold">{s.scanName ?? "CIS scan"}</span> · {s.region} · {formatDate(s.scanDate)} · {s.level?.replace("_", " ").toLowerCase() ?? "—"}:{" "}
                {s.failed === null ? "checks not read" : <><span className={s.failed ? "font-semibold text-red-700" : ""}>{formatCount(s.failed)} failed</span> of {formatCount(s.checks ?? 0)} checks</>}
              </li>
            ))}
          </ul>
          {failed.length > 0 && (
            <ScrollArea label="Failed CIS checks">
              <table className="w-full text-sm">
                <TableHead columns={["Check", "Title", "Region", { label: "Failed", align: "right" }, { label: "Passed", align: "right" }]} />
                <tbody>
                  {failed.map((c) => (
                    <tr key={`${c.region}/${c.checkId}`} className="border-b border-line/60">
                      <td className="px-2 py-1.5 font-mono text-xs">{c.checkId}</td>
                      <td className="px-2 py-1.5">{c.title ?? "—"}<div className="text-[11px] text-muted">{c.platform ?? ""}</div></td>
                      <td className="px-2 py-1.5 text-xs">{c.region}</td>
                      <td className="px-2 py-1.5 text-right font-semibold tabular-nums text-red-700">{formatCount(c.failed)}</td>
                      <td className="px-2 py-1.5 text-right tabular-nums">{c.passed === null ? "—" : formatCount(c.passed)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
          )}
        </div>
      )}
    </Card>
  );
}
