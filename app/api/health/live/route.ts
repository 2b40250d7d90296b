// GET /api/health/live: the process answers (liveness probe). Touches nothing else.
import { withOwnAuth } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

export const GET = withOwnAuth(() => {
  return Response.json({ status: "live", uptimeSeconds: Math.round(process.uptime()) }, { headers: { "cache-control": "no-store" } });
}, { reason: "health probe: no identity, reached by IP", mutating: false });
