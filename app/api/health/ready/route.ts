// GET /api/health/ready: 200 when the database answers and every migration is applied, else 503;
// the JSON body says which check failed and when the last sync succeeded (lib/ops/readiness).
// With DATABASE_READ_URL the replica is checked too and reported apart under "replica".
import { db, hasReadReplica, readDb } from "@/lib/db/client";
import { redactDatabaseText } from "@/lib/db/redact-url";
import { readiness } from "@/lib/ops/readiness";
import { replicaReadiness, withReplica } from "@/lib/ops/replica-readiness";

import { withOwnAuth } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

const headers = { "cache-control": "no-store" };

export const GET = withOwnAuth(async () => {
  let pool;
  try {
    pool = db().pool;
  } catch (err) {
    const error = redactDatabaseText(err instanceof Error ? err.message : String(err), process.env.DATABASE_URL);
    return Response.json({ ready: false, database: { reachable: false, error } }, { status: 503, headers });
  }
  const primary = await readiness(pool);
  if (primary.database.error) primary.database.error = redactDatabaseText(primary.database.error, process.env.DATABASE_URL);
  const r = hasReadReplica() ? withReplica(primary, await replicaReadiness(readDb().pool, process.env.DATABASE_READ_URL)) : primary;
  return Response.json(r, { status: r.ready ? 200 : 503, headers });
}, { reason: "health probe: no identity, reached by IP", mutating: false });
