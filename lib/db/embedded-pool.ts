// Whether a pool reaches the embedded PGlite (one session, where advisory locks cannot exclude and an
// extra connection's queries could interleave with the pool's): asked of the server once per pool,
// so it holds in every process, including web workers the launcher started.
import type pg from "pg";

const answers = new WeakMap<pg.Pool, Promise<boolean>>();

export function isEmbeddedPool(pool: pg.Pool): Promise<boolean> {
  if (!answers.has(pool)) answers.set(pool, pool.query("SELECT version() AS v").then((r) => /PGlite/i.test(r.rows[0].v)));
  return answers.get(pool)!;
}
