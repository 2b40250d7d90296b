import Link from "next/link";
import { notFound } from "next/navigation";
import { scopeForRequest } from "@/lib/queries/scope";
import { getAccount, getAccountTrend } from "@/lib/queries/accounts/account-detail";
import { getSeverityHeatmap } from "@/lib/queries/posture/severity-heatmap";
import { getCoverageMatrix } from "@/lib/queries/coverage/coverage-matrix";
import { getUnscannedByReason } from "@/lib/queries/coverage/coverage-gaps";
import { searchFindings } from "@/lib/queries/findings/findings-search";
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";
import { findingsHref } from "@/lib/queries/findings/findings-href";
import { Card } from "@/components/ui/card";
import { StatusPill } from "@/components/ui/status-pill";
import { formatDate } from "@/components/ui/format";
import { toTrendPoints } from "@/components/charts/trend-points";
import { AccountHeatRow } from "@/components/accounts/account-heat-row";
import { TrendPanel } from "@/components/accounts/trend-panel";
import { CoverageCells } from "@/components/accounts/coverage-cells";
import { RegionsTable } from "@/components/accounts/regions-table";
import { currentActor } from "@/lib/auth/current-actor";
import { errorsForActor } from "@/lib/auth/error-text";
import { TopFindingsList } from "@/components/accounts/top-findings-list";
import { ReasonList } from "@/components/coverage/reason-list";
import { unknownCountsReason } from "@/components/overview/sync-problem-label";
import { ScrollArea } from "@/components/ui/scroll-area";
import { AccountLifecycleBadge, accountLeftText } from "@/components/accounts/account-lifecycle-badge";
import { GONE_STATUS } from "@/lib/domain/lifecycle";
import { AccountCisCard } from "@/components/accounts/cis-card";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props) {
  return { title: `Account ${(await params).id}` };
}

export default async function Page({ params }: Props) {
  const { id } = await params;
  if (!/^\d{12}$/.test(id)) notFound();
  const scope = await scopeForRequest();
  // Whole-organization admins see AWS's error text per region; everyone else a plain reason.
  const detail = errorsForActor(await getAccount(scope, id), (await currentActor()) ?? { role: "viewer", scope });
  if (!detail) notFound();
  const { filter } = parseFindingsFilter({ account: id, limit: "10" });
  const [[heat], [coverage], reasons, trend, top] = await Promise.all([
    getSeverityHeatmap(scope, [], [id]),
    getCoverageMatrix(scope, [id]),
    getUnscannedByReason(scope, [id]),
    getAccountTrend(scope, id),
    searchFindings(scope, filter),
  ]);
  const { account: a, regions, left } = detail;
  const { points, severities } = toTrendPoints(trend);
  return (
    <div className="space-y-5">
      <header>
        <nav aria-label="Breadcrumb" className="mb-2 text-sm text-muted"><Link href="/accounts" className="hover:text-accent">Accounts</Link> › {a.id}</nav>
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">{a.name ?? a.id} <span className="font-mono text-base font-normal text-muted">{a.id}</span></h1>
            <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
              <span>OU <span className="text-ink">{a.ou_name ?? "—"}</span></span>
              <span>Owner <span className="text-ink">{a.owner ?? "—"}</span></span>
              <span>Contact <span className="text-ink">{a.contact ?? "—"}</span></span>
              {a.email && <span>{a.email}</span>}
              {a.joined_at && <span>joined {formatDate(a.joined_at)}</span>}
              <AccountLifecycleBadge left={left} />
              {a.org_status && a.org_status !== "ACTIVE" && <StatusPill value={a.org_status} />}
              {a.is_delegated_admin && <StatusPill value="ADMIN" label="delegated administrator" tone="info" />}
            </p>
          </div>
          <Link href={findingsHref({ account: [a.id] })} className="rounded-md bg-accent px-3 py-1.5 text-sm font-semibold text-white hover:bg-blue-800">All open findings »</Link>
        </div>
      </header>
      {left && (
        <p role="status" className="rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-sm text-slate-800">
          {accountLeftText(left)}: Inspector no longer reports this account, so its findings are{" "}
          <Link href={findingsHref({ account: [a.id], status: [GONE_STATUS] })} className="font-semibold text-accent underline">gone</Link>{" "}
          and its coverage and region state below are the last the sync saw.
        </p>
      )}
      {heat && <Card title="Open findings by severity"><ScrollArea label="Open findings by severity"><AccountHeatRow row={heat} /></ScrollArea></Card>}
      <div className="grid grid-cols-1 gap-5 xl:grid-cols-2">
        {/* The daily snapshots count every image and every cloud the account reports: so does a day's link. */}
        <Card title="Open findings, last 90 days · every image, every cloud" actions={<span className="text-xs text-muted">click a day: findings first seen then</span>}>
          <TrendPanel accountId={a.id} points={points} severities={severities} />
        </Card>
        <Card title="Top findings" actions={<Link href={findingsHref({ account: [a.id] })} className="text-xs font-semibold text-accent hover:underline">explore »</Link>}>
          <ScrollArea label="Top findings"><TopFindingsList rows={top.rows} /></ScrollArea>
        </Card>
      </div>
      <Card title="Coverage">
        {coverage && <CoverageCells row={coverage} />}
        <div className="mt-3"><ReasonList reasons={reasons} accountId={a.id} unknown={heat ? unknownCountsReason(heat) : undefined} /></div>
      </Card>
      <Card title="Regions: Inspector state and sync"><ScrollArea label="Regions"><RegionsTable regions={regions} /></ScrollArea></Card>
      <AccountCisCard scope={scope} accountId={a.id} />
    </div>
  );
}
