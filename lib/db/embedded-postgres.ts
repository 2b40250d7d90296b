// The zero-install default: PGlite (real Postgres compiled to WebAssembly), file-backed,
// served over the Postgres wire protocol on loopback so the app uses the same pg adapter.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
  /** The data directory as an uncompressed tar, for `loadDataDir` (tests' migrated template). */
  dumpDataDir(): Promise<Blob>;
}

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** dataDir undefined = in-memory (tests). A lock file stops two processes opening one directory. */
const servedHere = new Set<string>();

/** Is this URL an embedded PGlite this process serves? (One session: no second connection beside a user.) */
export const isEmbeddedUrl = (url: string): boolean => servedHere.has(url);

/** `loadDataDir`: start an in-memory database from a dump (dumpDataDir) instead of an empty one. */
export async function startEmbeddedPostgres(opts: { dataDir?: string; port?: number; loadDataDir?: Blob } = {}): Promise<EmbeddedPostgres> {
  let lockPath: string | undefined;
  if (opts.dataDir) {
    fs.mkdirSync(opts.dataDir, { recursive: true });
    lockPath = path.join(opts.dataDir, "inspectorate.pid");
    const holder = fs.existsSync(lockPath) ? Number(fs.readFileSync(lockPath, "utf8")) : 0;
    if (holder && holder !== process.pid && pidIsAlive(holder)) {
      throw new Error(
        `the embedded database in ${opts.dataDir} is in use by process ${holder} (the running app: use its Sync page or POST /api/sync), or set DATABASE_URL`,
      );
    }
    fs.writeFileSync(lockPath, String(process.pid));
  }
  // pg_trgm: the resource search's trigram index (migration *_resource_names_trigram_index).
  const extensions = { pg_trgm };
  const db = opts.dataDir
    ? await PGlite.create(path.join(opts.dataDir, "pgdata"), { extensions })
    : await PGlite.create({ loadDataDir: opts.loadDataDir, extensions });
  // PGlite is one session: the socket server interleaves protocol messages of concurrent
  // connections, so the process holding it uses a single pooled connection (see lib/db/client).
  // A few slots remain for short-lived, sequential users such as the migration engine.
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: opts.port ?? 0, maxConnections: 4 });
  await server.start();
  const url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
  servedHere.add(url);
  return {
    url,
    dumpDataDir: () => db.dumpDataDir("none"),
    async stop() {
      servedHere.delete(url);
      await server.stop();
      await db.close();
      if (lockPath && fs.existsSync(lockPath)) fs.rmSync(lockPath);
    },
  };
}
