// How a process gets its database: DATABASE_URL when configured; else the running app's embedded
// Postgres; else it starts the embedded one itself. Migrations are applied either way.
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { readEmbeddedUrl, writeEmbeddedUrl } from "./embedded-url-file";
import { applyMigrations } from "./migrations";

export interface OpenedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string; host?: boolean }): Promise<OpenedDatabase> {
  if (opts.databaseUrl) {
    await applyMigrations(opts.databaseUrl);
    return { url: opts.databaseUrl, embedded: false, stop: async () => {} };
  }
  const dataDir = path.resolve(opts.dataDir);
  const running = readEmbeddedUrl(dataDir);
  if (running) return { url: running, embedded: true, stop: async () => {} };
  const pg = await startEmbeddedPostgres({ dataDir });
  if (opts.host) writeEmbeddedUrl(dataDir, pg.url);
  await applyMigrations(pg.url);
  return { url: pg.url, embedded: true, stop: () => pg.stop() };
}
