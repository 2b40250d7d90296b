// One pg pool per process, shared by Prisma (through @prisma/adapter-pg) and the bulk writers,
// so the embedded single-session PGlite never sees two interleaved transactions.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

export interface Database {
  pool: pg.Pool;
  prisma: PrismaClient;
  close(): Promise<void>;
}

/** The app's and the CLIs' server pools: a server answers a new connection within this time (also the
 *  longest wait for a free pooled connection), or the query fails saying so, instead of hanging a
 *  request. The embedded database (one session that queues every request behind the sync's
 *  transaction) and ad-hoc pools pass 0: they wait. */
export const CONNECT_TIMEOUT_MS = 15_000;

/** Session settings a server connection starts with. JIT off: the views run short queries whose row
 *  estimates can cross jit_above_cost, and compiling then costs more than running (98 ms of a 282 ms
 *  "other resources" count that found no row, at 10M findings). */
export const SERVER_SESSION_SETUP = "SET jit = off";

export function createDatabase(url: string, max = 10, connectTimeoutMs = 0, sessionSetup?: string): Database {
  // pg-pool awaits onConnect before handing a new connection out; a failure fails that checkout.
  const onConnect = sessionSetup ? async (client: pg.ClientBase) => void (await client.query(sessionSetup)) : undefined;
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000, connectionTimeoutMillis: connectTimeoutMs, onConnect });
  // An idle-client error (server restart) must not crash the process.
  pool.on("error", () => {});
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    pool,
    prisma,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** The app's and the CLIs' pool: the embedded database is one waiting session; a server gets `max`
 *  connections, the connect timeout and SERVER_SESSION_SETUP. */
export function createAppDatabase(url: string, embedded: boolean, max: number): Database {
  return embedded ? createDatabase(url, 1) : createDatabase(url, max, CONNECT_TIMEOUT_MS, SERVER_SESSION_SETUP);
}

const holder = globalThis as { __inspectorateDb?: Database; __inspectorateReadDb?: Database };

/** The process-wide (primary) database, from DATABASE_URL (the launcher sets it for the embedded default). */
export function db(): Database {
  if (!holder.__inspectorateDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides the embedded database");
    holder.__inspectorateDb = createAppDatabase(url, process.env.INSPECTORATE_EMBEDDED_DB === "1", Number(process.env.DATABASE_POOL_MAX ?? 10));
  }
  return holder.__inspectorateDb;
}

/** Where read models read: DATABASE_READ_URL's replica when set, else the primary itself. Never migrated here. */
export function readDb(): Database {
  if (holder.__inspectorateReadDb) return holder.__inspectorateReadDb;
  const url = process.env.DATABASE_READ_URL;
  if (!url) return db();
  holder.__inspectorateReadDb = createAppDatabase(url, false, Number(process.env.DATABASE_POOL_MAX ?? 10));
  return holder.__inspectorateReadDb;
}

/** Whether this process reads from a replica (configured, or installed by a test). */
export const hasReadReplica = (): boolean => Boolean(holder.__inspectorateReadDb || process.env.DATABASE_READ_URL);

export const prisma = () => db().prisma;

/** The database if this process already opened it (metrics read the pool without opening one). */
export const openedDatabase = (): Database | undefined => holder.__inspectorateDb;
export const openedReadDatabase = (): Database | undefined => holder.__inspectorateReadDb;
