// How a process gets its database: DATABASE_URL when configured, else the embedded one in the
// data directory (which only one process may hold). Migrations are applied either way.
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrations";

export interface OpenedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * Replicas starting together all apply migrations: the engine serialises them with an advisory
 * lock it waits on for only 10 s ("reached but timed out"), so the later ones try again.
 */
export async function applyMigrationsShared(url: string, attempts = 30, pauseMs = 2_000): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await applyMigrations(url);
      return;
    } catch (err) {
      if (i >= attempts || !/reached but timed out|advisory lock/i.test(err instanceof Error ? err.message : String(err))) throw err;
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  }
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<OpenedDatabase> {
  if (opts.databaseUrl) {
    await applyMigrationsShared(opts.databaseUrl);
    return { url: opts.databaseUrl, embedded: false, stop: async () => {} };
  }
  const pg = await startEmbeddedPostgres({ dataDir: path.resolve(opts.dataDir) });
  try {
    await applyMigrations(pg.url);
  } catch (e) {
    await pg.stop();
    throw e;
  }
  return { url: pg.url, embedded: true, stop: () => pg.stop() };
}
