// GET /api/findings/export?<explorer filter>: every matching finding as CSV, streamed in keyset
// batches (the page's cursor and limit do not apply). Invalid filters answer 400 like /api/findings.
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";
import { exportFindingsCsv } from "@/lib/queries/findings/findings-export";
import { recordExport } from "@/lib/auth/audit-export";
import { withGuard } from "@/lib/auth/guard";
import { invalidFilterResponse } from "../invalid-filter";

export const dynamic = "force-dynamic";

export const GET = withGuard(async (request, guard) => {
  const { filter, issues } = parseFindingsFilter(new URL(request.url).searchParams);
  if (issues.length) return invalidFilterResponse(issues);
  const scope = guard.scope;
  await recordExport(guard, "export.findings_csv", { query: new URL(request.url).search.slice(0, 500) });
  const lines = exportFindingsCsv(scope, { ...filter, cursor: undefined });
  const encoder = new TextEncoder();
  // Pull-based: the next batch is read from Postgres only when the client has taken the last one.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, "");
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="inspectorate-findings-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}, { permission: "read", mutating: false });
