import Link from "next/link";
import type { getSyncRun } from "@/lib/queries/sync/sync-runs";
import { StatusPill } from "@/components/ui/status-pill";
import { formatCount, formatDateTime, formatDuration, formatShortDateTime } from "@/components/ui/format";
import { TableHead } from "@/components/ui/table-head";
import { IntegrityCell } from "./integrity-cell";
import { ScrollArea } from "@/components/ui/scroll-area";
import { EnrichmentSummary } from "./enrichment-summary";
import { RunNotes } from "./run-notes";
import { integrityClause, noProblemsLine } from "./run-account-summary";
import type { VisibleNotes } from "@/lib/sync/run/run-notes";
import { listingModeLabel } from "@/lib/sync/findings/listing-mode";

type Detail = NonNullable<Awaited<ReturnType<typeof getSyncRun>>>;

/** One run: its notes, per region results, then the accounts that failed or whose counts did not match. */
export function SyncRunDetail({ detail, notes }: { detail: Detail; notes: VisibleNotes }) {
  const { run, regions, problemAccounts, accountTotals: t } = detail;
  return (
    <div className="space-y-4">
      <p className="text-sm">
        Run #{run.id}, {run.trigger}, {listingModeLabel(run.mode)}: <StatusPill value={run.outcome} /> started {formatDateTime(run.started_at)}
        {run.finished_at && `, finished ${formatDateTime(run.finished_at)}`}.{" "}
        <span className="text-muted">{formatCount(t.ok)} of {formatCount(t.total)} account-regions read; {integrityClause(t) ?? <>integrity checked on {formatCount(t.checked)}, <span className="font-semibold text-red-800">{formatCount(t.mismatched)} differ (residual {formatCount(t.residual ?? 0)} findings)</span></>}{t.repaired ? `; ${formatCount(t.repaired)} re-listed to repair` : ""}.</span>
      </p>
      {run.error && <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-900 [overflow-wrap:anywhere]">{run.error}</p>}
      <RunNotes notes={notes} />
      {regions.length > 0 && <ScrollArea label="Regions of this run">
      <table className="w-full text-sm" data-testid="sync-regions">
        <TableHead columns={["Region", "Status", { label: "Findings", align: "right" }, { label: "Pages", align: "right" }, { label: "Coverage", align: "right" }, "Window", { label: "Took", align: "right" }]} />
        <tbody>
          {regions.map((r) => (
            <tr key={r.region} className="border-b border-line/60 last:border-0">
              <td className="whitespace-nowrap px-2 py-1.5 font-mono text-xs">{r.region}</td>
              <td className="px-2 py-1.5"><StatusPill value={r.status} />{r.error && <div className="text-[11px] text-red-800">{r.error}</div>}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{formatCount(r.findings_seen)}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{formatCount(r.pages)}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{formatCount(r.coverage_seen)}</td>
              <td className="whitespace-nowrap px-2 py-1.5 text-xs text-muted" title={r.watermark_from ? `${formatDateTime(r.watermark_from)} → ${formatDateTime(r.watermark_to)}` : undefined}>
                {r.watermark_from ? `${formatShortDateTime(r.watermark_from)} → ${formatShortDateTime(r.watermark_to)} UTC` : "full"}
                <ListedInFull checks={r.checks} />
              </td>
              <td className="whitespace-nowrap px-2 py-1.5 text-right tabular-nums">{formatDuration(r.duration_ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </ScrollArea>}
      <EnrichmentSummary regions={regions} />
      <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">Accounts with errors, integrity differences or repairs</h3>
      {problemAccounts.length ? (
        <ScrollArea label="Accounts with problems">
        <table className="w-full text-sm" data-testid="sync-problems">
          <tbody>
            {problemAccounts.map((a) => (
              <tr key={`${a.account_id}/${a.region}`} className="border-b border-line/60 last:border-0 align-top">
                <td className="whitespace-nowrap px-2 py-1.5"><Link prefetch={false} href={`/accounts/${a.account_id}`} className="hover:text-accent hover:underline">{a.account_name ?? a.account_id}</Link><div className="font-mono text-[11px] text-muted">{a.account_id}</div></td>
                <td className="whitespace-nowrap px-2 py-1.5 font-mono text-xs">{a.region}</td>
                <td className="whitespace-nowrap px-2 py-1.5"><StatusPill value={a.status} /></td>
                <td className="min-w-[16rem] px-2 py-1.5 text-xs">
                  {a.error ?? (a.integrity_match === null ? "—" : <><IntegrityCell r={a} />{a.integrity_match === false && <CountsDiff cache={a.cache_counts} api={a.api_counts} />}</>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollArea>
      ) : (
        <p className="text-sm text-muted">{noProblemsLine(t, run.finished_at !== null)}</p>
      )}
    </div>
  );
}

/** A region listed incrementally except for some accounts (new, returning, or due): how many. */
function ListedInFull({ checks }: { checks: Record<string, unknown> }) {
  const l = checks.listedInFull as { accounts?: unknown; of?: unknown } | null | undefined;
  if (typeof l?.accounts !== "number" || typeof l.of !== "number" || l.accounts === 0 || l.accounts === l.of) return null;
  return <div>{formatCount(l.accounts)} of {formatCount(l.of)} accounts listed in full</div>;
}

function CountsDiff({ cache, api }: { cache: Record<string, number> | null; api: Record<string, number> | null }) {
  const keys = [...new Set([...Object.keys(cache ?? {}), ...Object.keys(api ?? {})])];
  return (
    <span>
      {keys.filter((k) => cache?.[k] !== api?.[k]).map((k) => (
        <span key={k} className="mr-2 whitespace-nowrap">{k}: cache {cache?.[k] ?? "—"} vs Inspector {api?.[k] ?? "—"}</span>
      ))}
    </span>
  );
}
