import Link from "next/link";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DecisionsTable } from "@/components/gate/decisions-table";
import { decisionFilterSchema, listDecisions } from "@/lib/queries/gate/decisions";
import { scopeForRequest } from "@/lib/queries/scope";

export const dynamic = "force-dynamic";
export const metadata = { title: "Deployment gate" };

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const scope = await scopeForRequest();
  const filter = decisionFilterSchema.parse(await searchParams);
  // Decisions are organization-wide records: a viewer limited to some accounts is told why, not shown them.
  const listed = await listDecisions(scope, filter, 200);
  if (!listed.ok) {
    return (
      <>
        <PageHeader title="Deployment gate" subtitle="What was allowed to ship with which findings" />
        <p role="status" data-testid="gate-decisions-refused" className="rounded-md border border-slate-300 bg-slate-100 px-3 py-2 text-sm text-slate-800">{listed.reason}</p>
      </>
    );
  }
  const rows = listed.rows;
  return (
    <>
      <PageHeader title="Deployment gate" subtitle="What was allowed to ship with which findings: every decision of POST /api/gate and the gate CLI" />
      <div className="space-y-5">
        <form className="flex flex-wrap items-end gap-3 text-sm" method="get">
          <label className="flex flex-col gap-1">Verdict
            <select name="verdict" defaultValue={filter.verdict ?? ""} className="rounded border border-line px-2 py-1">
              <option value="">any</option><option value="pass">pass</option><option value="fail">fail</option><option value="undecidable">undecidable</option>
            </select>
          </label>
          <label className="flex flex-col gap-1">Artifact contains
            <input name="artifact" defaultValue={filter.artifact ?? ""} className="rounded border border-line px-2 py-1 font-mono" />
          </label>
          <button className="rounded bg-[#16213a] px-3 py-1.5 text-white">Filter</button>
          <Link href="/gate/policies" className="ml-auto underline">Policies</Link>
        </form>
        <Card title={`Decisions (${rows.length})`}>
          {rows.length ? <DecisionsTable rows={rows} /> : <p className="text-sm text-muted">No gate decisions yet. Pipelines ask with <code className="font-mono">npm run gate -- --image repo@sha256:…</code>.</p>}
        </Card>
      </div>
    </>
  );
}
