// GET /api/metrics: Prometheus text format (lib/ops/metrics). With INSPECTORATE_METRICS_TOKEN set,
// the scraper must send `Authorization: Bearer <token>`.
import { withOwnAuth } from "@/lib/auth/guard";
import { env } from "@/lib/env";
import { clusterMetricsText, inWebWorkerCluster } from "@/lib/ops/cluster-metrics";
import { metrics } from "@/lib/ops/metrics";
import { metricsTokenAccepts } from "@/lib/ops/metrics-token";

export const dynamic = "force-dynamic";

export const GET = withOwnAuth(async (request: Request) => {
  if (!metricsTokenAccepts(env().INSPECTORATE_METRICS_TOKEN, request.headers.get("authorization"))) {
    return Response.json({ error: "metrics need Authorization: Bearer <INSPECTORATE_METRICS_TOKEN>" }, { status: 401 });
  }
  const { registry } = metrics();
  let text: string;
  try {
    text = inWebWorkerCluster() ? await clusterMetricsText() : await registry.metrics();
  } catch (err) {
    // Never one worker's share as if it were the whole: a partial sum is a wrong number.
    return Response.json({ error: `metrics unavailable: ${(err as Error).message}` }, { status: 503 });
  }
  return new Response(text, { headers: { "content-type": registry.contentType, "cache-control": "no-store" } });
}, { reason: "Prometheus scrape: INSPECTORATE_METRICS_TOKEN bearer", mutating: false });
