// Runs work on one pooled client inside BEGIN/COMMIT, rolling back on any error. `begin` may set the
// transaction's isolation and access mode ("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").
import type pg from "pg";

export async function withTransaction<T>(pool: Pick<pg.Pool, "connect">, work: (client: pg.PoolClient) => Promise<T>, begin = "BEGIN"): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
