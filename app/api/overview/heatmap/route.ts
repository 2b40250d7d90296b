// GET /api/overview/heatmap?region=…&inUse=…: every heatmap row in the caller's scope, fetched by
// the overview only when someone shows all accounts or opens a group (the page carries the top rows).
import { withGuard } from "@/lib/auth/guard";
import { heatmapRows } from "@/lib/queries/posture/heatmap-data";
import { parseOverviewFilter } from "@/lib/queries/posture/overview-filter";

export const dynamic = "force-dynamic";

export const GET = withGuard(async (request, { scope }) => {
  const filter = parseOverviewFilter(new URL(request.url).searchParams);
  return Response.json({ rows: await heatmapRows(scope, filter) }, { headers: { "cache-control": "no-store" } });
}, { permission: "read", mutating: false });
