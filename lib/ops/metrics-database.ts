// Database gauges, read at scrape time: the pool's connections (only once the process opened its
// database; a scrape never opens one) and when the last sync succeeded (from sync_runs).
import client from "prom-client";
import { openedDatabase } from "@/lib/db/client";

export function collectDatabaseGauges(registry: client.Registry): void {
  new client.Gauge({
    name: "inspectorate_db_pool_connections",
    help: "Database pool connections by state (total, idle, waiting requests)",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const pool = openedDatabase()?.pool;
      if (!pool) return;
      this.set({ state: "total" }, pool.totalCount);
      this.set({ state: "idle" }, pool.idleCount);
      this.set({ state: "waiting" }, pool.waitingCount);
    },
  });
  new client.Gauge({
    name: "inspectorate_last_successful_sync_timestamp_seconds",
    help: "When the last SUCCEEDED sync run finished (any process on this database)",
    registers: [registry],
    async collect() {
      const pool = openedDatabase()?.pool;
      if (!pool) return;
      try {
        const { rows } = await pool.query("SELECT max(finished_at) AS at FROM sync_runs WHERE outcome = 'SUCCEEDED'");
        if (rows[0]?.at) this.set(new Date(rows[0].at).getTime() / 1000);
      } catch {
        // an unreachable database shows as a missing series, not as a failed scrape
      }
    },
  });
}
