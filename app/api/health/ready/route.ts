// GET /api/health/ready: 200 when the database answers and every migration is applied, else 503;
// the JSON body says which check failed and when the last sync succeeded (lib/ops/readiness).
// With DATABASE_READ_URL the replica is checked too and reported apart under "replica".
import { appReadiness } from "@/lib/ops/app-readiness";
import { withOwnAuth } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

const headers = { "cache-control": "no-store" };

export const GET = withOwnAuth(async () => {
  const r = await appReadiness();
  return Response.json(r, { status: r.ready ? 200 : 503, headers });
}, { reason: "health probe: no identity, reached by IP", mutating: false });
