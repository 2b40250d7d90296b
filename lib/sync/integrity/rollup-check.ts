// The rollups (finding_rollups, kept by triggers on findings; the open rollups, kept by triggers on
// finding_rollups) against a recount: the differing cells, and a repair that recomputes them. Run after every full sync and in tests;
// drift means a bug (or a write with triggers disabled), so it is repaired and recorded, not hidden.
import type pg from "pg";
import { lifecycleText } from "@/lib/queries/lifecycle-sql";
import { KEY_ROLLUPS } from "@/lib/queries/key-rollup-cells";

type Queryable = Pick<pg.Pool, "query" | "connect">;

export const ROLLUP_KEYS = ["status", "account_id", "region", "severity", "resource_type", "provider", "provider_account_id", "idle"] as const;
const keys = ROLLUP_KEYS.join(", ");

/** The rollup cells of the findings as they are now; "idle" as idleImageSql (lib/queries/in-use-sql.ts). */
export const RECOUNT_SQL = `
  SELECT status, account_id, region, severity, resource_type, provider, coalesce(provider_account_id, '') AS provider_account_id,
    coalesce(resource_type = 'AWS_ECR_CONTAINER_IMAGE' AND in_use_count = 0, false) AS idle,
    count(*)::int AS findings, (count(*) FILTER (WHERE exploit_available = 'YES'))::int AS exploitable,
    (count(*) FILTER (WHERE fix_available = 'YES'))::int AS fixable
  FROM findings GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;

export interface RollupCell {
  key: Record<(typeof ROLLUP_KEYS)[number], string | boolean>;
  /** [findings, exploitable, fixable] in the rollups and in the recount (zeros when absent). */
  rollup: [number, number, number];
  recount: [number, number, number];
}

/** Cells where the rollups and a recount differ; read in one snapshot so concurrent writes agree. */
export async function rollupDrift(pool: Queryable): Promise<RollupCell[]> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await client.query(`
      WITH c AS (${RECOUNT_SQL})
      SELECT ${ROLLUP_KEYS.map((k) => `coalesce(r.${k}, c.${k}) AS ${k}`).join(", ")},
        ARRAY[coalesce(r.findings, 0), coalesce(r.exploitable, 0), coalesce(r.fixable, 0)] AS rollup,
        ARRAY[coalesce(c.findings, 0), coalesce(c.exploitable, 0), coalesce(c.fixable, 0)] AS recount
      FROM finding_rollups r FULL JOIN c USING (${keys})
      WHERE (coalesce(r.findings, 0), coalesce(r.exploitable, 0), coalesce(r.fixable, 0))
        IS DISTINCT FROM (coalesce(c.findings, 0), coalesce(c.exploitable, 0), coalesce(c.fixable, 0))`);
    await client.query("COMMIT");
    return rows.map((r) => ({ key: Object.fromEntries(ROLLUP_KEYS.map((k) => [k, r[k]])) as RollupCell["key"], rollup: r.rollup, recount: r.recount }));
  } finally {
    client.release();
  }
}

/** The open rollups kept from finding_rollups' changes by triggers (migrations *_open_rollups_by_*),
 *  each with its recount from finding_rollups: the open cells (lib/queries/lifecycle-sql.ts) summed
 *  over the dimensions it drops. The triggers spell "open" in SQL; this recount, from the shared
 *  definition, is what the property test holds them to. */
export const OPEN_ROLLUPS = [
  {
    table: "open_rollups_by_account",
    keys: ["account_id", "provider", "provider_account_id", "severity", "idle"],
    values: ["findings"],
    recount: `SELECT account_id, provider, provider_account_id, severity, idle, sum(findings)::int AS findings
      FROM finding_rollups WHERE ${lifecycleText("open")} GROUP BY 1, 2, 3, 4, 5`,
  },
  {
    table: "open_rollups_by_region_type",
    keys: ["shard", "region", "resource_type", "severity", "idle"],
    values: ["findings", "exploitable", "fixable"],
    recount: `SELECT right(account_id, 1) AS shard, region, resource_type, severity, idle, sum(findings)::int AS findings,
      sum(exploitable)::int AS exploitable, sum(fixable)::int AS fixable
      FROM finding_rollups WHERE ${lifecycleText("open")} GROUP BY 1, 2, 3, 4, 5`,
  },
] as const;

/** Every rollup kept by triggers from findings or from another rollup, in the order a rebuild fills them. */
export const DERIVED_ROLLUPS = [...OPEN_ROLLUPS, ...KEY_ROLLUPS];

export interface OpenRollupCell {
  table: (typeof DERIVED_ROLLUPS)[number]["table"];
  key: Record<string, string | boolean>;
  /** The table's values and the recount's, in OPEN_ROLLUPS' order (zeros when absent). */
  rollup: number[];
  recount: number[];
}

/** Cells of the derived rollups (open, key) that differ from their recounts (one snapshot). */
export async function openRollupDrift(pool: Queryable): Promise<OpenRollupCell[]> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const cells: OpenRollupCell[] = [];
    for (const { table, keys, values, recount } of DERIVED_ROLLUPS) {
      const vs = (alias: string) => `ARRAY[${values.map((v) => `coalesce(${alias}.${v}, 0)`).join(", ")}]`;
      const { rows } = await client.query(`
        WITH c AS (${recount})
        SELECT ${keys.join(", ")}, ${vs("o")} AS rollup, ${vs("c")} AS recount
        FROM ${table} o FULL JOIN c USING (${keys.join(", ")}) WHERE ${vs("o")} <> ${vs("c")}`);
      cells.push(...rows.map(({ rollup, recount, ...key }) => ({ table, key, rollup, recount })));
    }
    await client.query("COMMIT");
    return cells;
  } finally {
    client.release();
  }
}

/** Recomputes every rollup from the findings (writers wait meanwhile) and drops empty cells. */
export async function rebuildRollups(pool: Queryable): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("LOCK TABLE findings IN SHARE MODE");
    await client.query("DELETE FROM finding_rollups");
    await client.query(`INSERT INTO finding_rollups (${keys}, findings, exploitable, fixable) SELECT * FROM (${RECOUNT_SQL}) c`);
    // The triggers kept them through the two statements above; recomputed too, in case one drifted on its own.
    for (const { table, keys, values, recount } of DERIVED_ROLLUPS) {
      await client.query(`DELETE FROM ${table}`);
      await client.query(`INSERT INTO ${table} (${[...keys, ...values].join(", ")}) ${recount}`);
    }
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
