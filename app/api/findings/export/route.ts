// GET /api/findings/export?<explorer filter>: every matching finding as CSV, streamed in keyset
// batches (the page's cursor and limit do not apply). Invalid filters answer 400 like /api/findings.
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";
import { exportFindingsCsv } from "@/lib/queries/findings/findings-export";
import { scopeForRequest } from "@/lib/queries/scope";
import { invalidFilterResponse } from "../invalid-filter";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const { filter, issues } = parseFindingsFilter(new URL(request.url).searchParams);
  if (issues.length) return invalidFilterResponse(issues);
  const scope = await scopeForRequest();
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
}
