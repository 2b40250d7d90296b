// Database gauges, read at scrape time: the pools' connections (only once the process opened its
// database; a scrape never opens one) and when the last sync succeeded (from sync_runs), on the
// primary and, with DATABASE_READ_URL, on the read replica (their difference is the replica's lag).
import client from "prom-client";
import type pg from "pg";
import { openedDatabase, openedReadDatabase } from "@/lib/db/client";

function poolGauge(registry: client.Registry, name: string, help: string, pool: () => pg.Pool | undefined) {
  new client.Gauge({
    name, help, labelNames: ["state"], registers: [registry],
    collect() {
      const p = pool();
      if (!p) return;
      this.set({ state: "total" }, p.totalCount);
      this.set({ state: "idle" }, p.idleCount);
      this.set({ state: "waiting" }, p.waitingCount);
    },
  });
}

function lastSyncGauge(registry: client.Registry, name: string, help: string, pool: () => pg.Pool | undefined) {
  // Absent until a sync has succeeded: prom-client gives an unlabelled gauge a 0, which would read
  // as "synced in 1970" (a number is a claim), so the series is left out while nothing is known.
  let known = false;
  const gauge = new client.Gauge({
    name, help, registers: [registry], aggregator: "max", // every web worker reads the same row
    async collect() {
      known = false;
      const p = pool();
      if (!p) return;
      try {
        const { rows } = await p.query("SELECT max(finished_at) AS at FROM sync_runs WHERE outcome = 'SUCCEEDED'");
        if (rows[0]?.at) {
          this.set(new Date(rows[0].at).getTime() / 1000);
          known = true;
        }
      } catch {
        // an unreachable database shows as a missing series, not as a failed scrape
      }
    },
  });
  const get = gauge.get.bind(gauge);
  gauge.get = async () => {
    const m = await get();
    return known ? m : { ...m, values: [] };
  };
}

export function collectDatabaseGauges(registry: client.Registry): void {
  const primary = () => openedDatabase()?.pool;
  const replica = () => openedReadDatabase()?.pool;
  poolGauge(registry, "inspectorate_db_pool_connections", "Database pool connections by state (total, idle, waiting requests)", primary);
  poolGauge(registry, "inspectorate_db_read_pool_connections", "Read replica (DATABASE_READ_URL) pool connections by state; absent without one", replica);
  lastSyncGauge(registry, "inspectorate_last_successful_sync_timestamp_seconds", "When the last SUCCEEDED sync run finished (any process on this database)", primary);
  lastSyncGauge(registry, "inspectorate_read_replica_last_successful_sync_timestamp_seconds", "The same as the read replica shows it (what read pages show); absent without one", replica);
}
