import Link from "next/link";
import type { Scope } from "@/lib/queries/scope";
import type { CoverageMatrixRow } from "@/lib/queries/coverage/coverage-matrix";
import { coverageMatrix as matrix, disabledAccountRegions as disabled, silentAccountRegions as silent, unscannedByReason, unsyncedAccountRegions as unsynced } from "@/lib/queries/per-account-reads";
import { scanTypes } from "@/lib/domain/finding-enums";
import { Card } from "@/components/ui/card";
import { Tile } from "@/components/ui/tile";
import { formatCount } from "@/components/ui/format";
import { CoverageMatrixTable } from "./coverage-matrix-table";
import { ReasonList } from "./reason-list";
import { AccountRegionList } from "./account-region-list";
import { ScrollArea } from "@/components/ui/scroll-area";
import { currentActor } from "@/lib/auth/current-actor";
import { errorsForActor } from "@/lib/auth/error-text";

const shownAccounts = 40;

/** Worst first: accounts with scan types off anywhere, then by unscanned share. */
function gapScore(r: CoverageMatrixRow): number {
  const off = scanTypes.filter((s) => r.cells[s].enabledRegions < r.cells[s].regions).length;
  return off * 1000 + (r.active + r.inactive ? r.inactive / (r.active + r.inactive) : 0) * 100;
}

export async function CoverageTilesLoader({ scope }: { scope: Scope }) {
  const [rows, off, quiet, unreadable] = await Promise.all([matrix(scope), disabled(scope), silent(scope), unsynced(scope)]);
  // A departed account's coverage is its last state, not Inspector's current word: left out.
  const current = rows.filter((r) => !r.left);
  const active = current.reduce((n, r) => n + r.active, 0), inactive = current.reduce((n, r) => n + r.inactive, 0);
  const departed = rows.length - current.length;
  const accountsOff = new Set(off.map((r) => r.account_id)).size;
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 md:grid-cols-5">
      <Tile label="Resources scanned" value={active + inactive ? `${Math.floor((active / (active + inactive)) * 100)}%` : "—"} href="/coverage/resources?status=ACTIVE" detail={`${formatCount(active)} of ${formatCount(active + inactive)}${departed ? `; ${departed} departed account${departed > 1 ? "s" : ""} not counted` : ""}`} />
      <Tile label="Not scanned" value={formatCount(inactive)} href="/coverage/resources" detail="resources Inspector reports as inactive" />
      <Tile label="Inspector off" value={formatCount(accountsOff)} href="#inspector-off" detail={`accounts; ${off.length} account-regions`} />
      <Tile label="Enabled but silent" value={formatCount(quiet.length)} href="#silent" detail="account-regions reporting nothing" />
      <Tile label="Not readable" value={formatCount(unreadable.length)} href="#unreadable" detail="account-regions the sync could not read" />
    </div>
  );
}

export async function CoverageMatrixLoader({ scope, all }: { scope: Scope; all: boolean }) {
  const rows = [...(await matrix(scope))].sort((a, b) => gapScore(b) - gapScore(a) || a.accountId.localeCompare(b.accountId));
  const shown = all ? rows : rows.slice(0, shownAccounts);
  return (
    <Card title="Coverage by account and scan type" actions={<span className="text-xs text-muted">worst first · each cell lists its resources</span>}>
      <ScrollArea label="Coverage by account and scan type"><CoverageMatrixTable rows={shown} /></ScrollArea>
      {shown.length < rows.length && (
        <Link href="/coverage?all=1" className="mt-2 inline-block text-sm font-semibold text-accent hover:underline">Show all {rows.length} accounts</Link>
      )}
    </Card>
  );
}

export async function ReasonsLoader({ scope }: { scope: Scope }) {
  return (
    <Card title="Why resources are not scanned">
      <ReasonList reasons={await unscannedByReason(scope)} />
    </Card>
  );
}

export async function GapListsLoader({ scope }: { scope: Scope }) {
  const reader = (await currentActor()) ?? { role: "viewer" as const, scope };
  const [off, quiet, unreadable] = (await Promise.all([disabled(scope), silent(scope), unsynced(scope)])).map((rows) => errorsForActor(rows, reader));
  return (
    <div className="grid grid-cols-1 gap-5 xl:grid-cols-3">
      <Card title="Inspector disabled or suspended" className="scroll-mt-4" actions={<span id="inspector-off" />}>
        <AccountRegionList rows={off} show="inspector" empty="Inspector is enabled in every synced account and region." />
      </Card>
      <Card title="Enabled but silent" actions={<span id="silent" />}>
        <p className="mb-2 text-xs text-muted">Inspector is on and the sync read the region fine, but it reports no resource and no finding: check the account really has no workloads there.</p>
        <AccountRegionList rows={quiet} show="inspector" empty="Every enabled account-region reports resources or findings." />
      </Card>
      <Card title="Not readable by the sync" actions={<span id="unreadable" />}>
        <p className="mb-2 text-xs text-muted">Zero findings here means unknown, not clean.</p>
        <AccountRegionList rows={unreadable} show="sync" empty="The last sync read every account-region." />
      </Card>
    </div>
  );
}
