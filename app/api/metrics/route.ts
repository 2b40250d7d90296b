// GET /api/metrics: Prometheus text format (lib/ops/metrics). With INSPECTORATE_METRICS_TOKEN set,
// the scraper must send `Authorization: Bearer <token>`.
import { env } from "@/lib/env";
import { metrics } from "@/lib/ops/metrics";
import { metricsTokenAccepts } from "@/lib/ops/metrics-token";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  if (!metricsTokenAccepts(env().INSPECTORATE_METRICS_TOKEN, request.headers.get("authorization"))) {
    return Response.json({ error: "metrics need Authorization: Bearer <INSPECTORATE_METRICS_TOKEN>" }, { status: 401 });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}
