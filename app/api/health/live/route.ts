// GET /api/health/live: the process answers (liveness probe). Touches nothing else.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "live", uptimeSeconds: Math.round(process.uptime()) }, { headers: { "cache-control": "no-store" } });
}
