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

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<OpenedDatabase> {
  if (opts.databaseUrl) {
    // Replicas starting together take turns (applyMigrations holds an advisory lock).
    await applyMigrations(opts.databaseUrl);
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
