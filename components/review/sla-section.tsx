// The SLA part of the review: totals, by owner and account, and the findings behind them.
import { Card } from "@/components/ui/card";
import { formatCount } from "@/components/ui/format";
import { rankedSeverities, severityLabel } from "@/lib/domain/severity";
import type { SlaSection as Sla } from "@/lib/queries/review/review-types";
import { SlaByAccount, SlaByOwner } from "./sla-tables";
import { SlaFindings } from "./sla-findings";
import { ScrollArea } from "@/components/ui/scroll-area";
import type { LinkGroup } from "@/lib/review/review-links";

/** Rows shown before "show all": the meeting discusses the worst, the rest is one click away. */
const SHOWN = 15;

function Figure({ label, value, tone, testId }: { label: string; value: number; tone: string; testId: string }) {
  return (
    <div className="rounded-lg border border-line bg-panel px-4 py-3" style={{ borderLeft: `4px solid ${tone}` }}>
      <div className="text-xs font-semibold uppercase tracking-wide text-muted">{label}</div>
      <div className="text-2xl font-semibold tabular-nums" data-testid={testId}>{formatCount(value)}</div>
    </div>
  );
}

/** Accounts shown in the SLA table unless every one is asked for (allAccountsHref undefined). */
export const SLA_ACCOUNTS_SHOWN = 25;

/** `group`: the review's group and its "In use only" choice, carried into the explorer links.
 *  `allAccountsHref` / `allFindingsHref`: where every row of that table is shown; undefined = here. */
export function SlaSection({ sla, asOf, exceptHref, group, allAccountsHref, allFindingsHref }: {
  sla: Sla; asOf: string; exceptHref?: (arn: string) => string; group: LinkGroup; allAccountsHref?: string; allFindingsHref?: string;
}) {
  const open = sla.findings.filter((f) => !f.excepted);
  const excepted = sla.findings.filter((f) => f.excepted);
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Figure label="Breached" value={sla.totals.breached} tone="#b2182b" testId="sla-breached" />
        <Figure label={`Due within ${sla.dueSoonDays} days`} value={sla.totals.dueSoon} tone="#e66101" testId="sla-due-soon" />
        <Figure label="Excepted (would count)" value={sla.totals.excepted} tone="#9e9e9e" testId="sla-excepted" />
      </div>
      <p className="text-xs text-muted">
        Days to remediate from first observation: {rankedSeverities.map((s) => `${severityLabel[s]} ${sla.policy[s] ?? "—"}`).join(" · ")}.
        Reopened findings keep their first-observation clock. Findings under a valid risk exception leave the counts and stay listed as excepted.
      </p>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card title="By owner"><ScrollArea label="SLA by owner"><SlaByOwner rows={sla.byOwner} group={group} /></ScrollArea></Card>
        <div id="sla-by-account" className="scroll-mt-6">
          <Card title={allAccountsHref && sla.byAccount.length > SLA_ACCOUNTS_SHOWN ? `By account (${SLA_ACCOUNTS_SHOWN} most breached of ${formatCount(sla.byAccount.length)})` : "By account"}>
            <ScrollArea label="SLA by account"><SlaByAccount rows={allAccountsHref ? sla.byAccount.slice(0, SLA_ACCOUNTS_SHOWN) : sla.byAccount} inUse={group.inUse} /></ScrollArea>
            {allAccountsHref && sla.byAccount.length > SLA_ACCOUNTS_SHOWN && (
              <a href={allAccountsHref} className="mt-2 inline-block text-sm text-accent underline decoration-accent/40 hover:decoration-accent" data-testid="sla-all-accounts" data-no-print>
                Show all {formatCount(sla.byAccount.length)} accounts
              </a>
            )}
          </Card>
        </div>
      </div>
      <div id="sla-findings-list" className="scroll-mt-6">
        <Card title={`Breached and about to breach (${formatCount(open.length)}${open.length < sla.totals.breached + sla.totals.dueSoon ? ` of ${formatCount(sla.totals.breached + sla.totals.dueSoon)}, most overdue first` : ""})`}>
          {open.length ? <SlaFindings findings={allFindingsHref ? open.slice(0, SHOWN) : open} asOf={asOf} exceptHref={exceptHref} testId="sla-findings" label="Breached and about to breach" /> : <p className="text-sm text-muted">Nothing is breaching or about to.</p>}
          {allFindingsHref && open.length > SHOWN && (
            <a href={allFindingsHref} className="mt-2 inline-block text-sm text-accent underline decoration-accent/40 hover:decoration-accent" data-testid="sla-all-findings" data-no-print>
              Show all {formatCount(open.length)} ({formatCount(open.length - SHOWN)} more)
            </a>
          )}
        </Card>
      </div>
      <div id="sla-excepted" className="scroll-mt-6">
        <Card title={`Excepted (${formatCount(excepted.length)})`}>
          {excepted.length ? <SlaFindings findings={excepted} asOf={asOf} testId="sla-excepted-findings" label="Breaching findings under a risk exception" /> : <p className="text-sm text-muted">No breaching finding is under a risk exception.</p>}
        </Card>
      </div>
    </div>
  );
}
