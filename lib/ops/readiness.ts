// GET /api/health/ready: may this process take traffic? Ready = the database answers and every
// migration in prisma/migrations is applied. The last successful sync and its age are reported
// for dashboards and alerts but do not gate readiness (a new deployment has none yet).
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";

export interface Readiness {
  ready: boolean;
  checkedAt: string;
  database: { reachable: boolean; error?: string };
  migrations: { expected: number; applied: number; pending: string[] } | { error: string };
  lastSync: { id: number; outcome: string; finishedAt: string; ageSeconds: number } | null;
  lastSuccessfulSync: { id: number; finishedAt: string; ageSeconds: number } | null;
}

export function expectedMigrations(dir = path.join(process.cwd(), "prisma", "migrations")): string[] {
  // Scoped for the build's file tracing (next.config.ts includes prisma/migrations explicitly).
  return fs.readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split("\n")[0].slice(0, 200);

export async function readiness(pool: Pick<pg.Pool, "query">, expected: () => string[] = expectedMigrations, now = new Date()): Promise<Readiness> {
  const base = { checkedAt: now.toISOString(), lastSync: null, lastSuccessfulSync: null };
  try {
    await pool.query("SELECT 1");
  } catch (err) {
    return { ...base, ready: false, database: { reachable: false, error: firstLine(err) }, migrations: { error: "database unreachable" } };
  }
  let migrations: Readiness["migrations"];
  try {
    const want = expected();
    const { rows } = await pool.query("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL");
    const done = new Set(rows.map((r) => r.migration_name as string));
    migrations = { expected: want.length, applied: want.filter((m) => done.has(m)).length, pending: want.filter((m) => !done.has(m)) };
  } catch (err) {
    migrations = { error: firstLine(err) };
  }
  const age = (at: Date) => Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
  const { rows } = await pool
    .query(
      `(SELECT id, outcome, finished_at FROM sync_runs WHERE outcome <> 'RUNNING' AND finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1)
       UNION ALL (SELECT id, outcome, finished_at FROM sync_runs WHERE outcome = 'SUCCEEDED' ORDER BY finished_at DESC LIMIT 1)`,
    )
    .catch(() => ({ rows: [] as Record<string, unknown>[] }));
  const [last, ok] = [rows[0], rows.find((r) => r.outcome === "SUCCEEDED")];
  return {
    ...base,
    ready: "pending" in migrations && migrations.pending.length === 0,
    database: { reachable: true },
    migrations,
    lastSync: last ? { id: Number(last.id), outcome: String(last.outcome), finishedAt: (last.finished_at as Date).toISOString(), ageSeconds: age(last.finished_at as Date) } : null,
    lastSuccessfulSync: ok ? { id: Number(ok.id), finishedAt: (ok.finished_at as Date).toISOString(), ageSeconds: age(ok.finished_at as Date) } : null,
  };
}
