// GET /api/health/ready: 200 when the database answers and every migration is applied, else 503;
// the JSON body says which check failed and when the last sync succeeded (lib/ops/readiness).
import { db } from "@/lib/db/client";
import { readiness } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  let pool;
  try {
    pool = db().pool;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    return Response.json({ ready: false, database: { reachable: false, error } }, { status: 503, headers: { "cache-control": "no-store" } });
  }
  const r = await readiness(pool);
  return Response.json(r, { status: r.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
