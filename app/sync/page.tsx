import { currentActor } from "@/lib/auth/current-actor";
import { can, notAllowedText } from "@/lib/auth/permissions";
import { errorsForActor } from "@/lib/auth/error-text";
import { scopeForRequest } from "@/lib/queries/scope";
import { notesForScope, runNotesFromJson } from "@/lib/sync/run/run-notes";
import { getSyncRun, listSyncRuns } from "@/lib/queries/sync/sync-runs";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { SyncNowPanel } from "@/components/sync/sync-now-panel";
import { SyncRunsTable } from "@/components/sync/sync-runs-table";
import { SyncRunDetail } from "@/components/sync/sync-run-detail";
import { ScrollArea } from "@/components/ui/scroll-area";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sync" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await scopeForRequest();
  // Whole-organization admins see AWS's error text; everyone else a plain reason (lib/auth/error-text.ts).
  const reader = (await currentActor()) ?? { role: "viewer" as const, scope };
  const runs = errorsForActor(await listSyncRuns(scope, 30), reader);
  const wanted = Number((await searchParams).run);
  const selectedId = Number.isInteger(wanted) && wanted > 0 ? wanted : runs[0]?.id;
  const detail = selectedId ? errorsForActor(await getSyncRun(scope, selectedId), reader) : undefined;
  const notes = notesForScope(detail ? runNotesFromJson(detail.run.notes) : [], scope);
  return (
    <>
      <PageHeader title="Sync" subtitle="Copying Amazon Inspector into the cache: runs, per region and account results, integrity checks" />
      <div className="space-y-5">
        <SyncNowPanel notAllowed={can(reader.role, "sync") ? undefined : notAllowedText(reader.role, "start a sync", "sync")} />
        {runs.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line bg-panel px-6 py-10 text-center text-sm text-muted">No sync has run yet. Start one above or with <code className="font-mono">npm run sync</code>.</p>
        ) : (
          <div className="grid grid-cols-1 gap-5 xl:grid-cols-[34rem_minmax(0,1fr)]">
            <Card title="Runs"><ScrollArea label="Runs"><SyncRunsTable runs={runs} selected={selectedId} /></ScrollArea></Card>
            <Card title={detail ? `Run #${detail.run.id}` : "Run"}>{detail ? <SyncRunDetail detail={detail} notes={notes} /> : <p className="text-sm text-muted">No run #{selectedId}.</p>}</Card>
          </div>
        )}
      </div>
    </>
  );
}
