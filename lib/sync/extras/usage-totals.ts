// ListUsageTotals for one region (every account the delegated admin sees, 500 a page), stored
// in place of the region's previous totals. A failed listing keeps the old totals.
import { ListUsageTotalsCommand, type Inspector2Client, type UsageTotal } from "@aws-sdk/client-inspector2";
import type pg from "pg";
import { toUsageRows, type UsageRow } from "../map/usage-rows";
import { withTransaction } from "@/lib/db/transaction";

export async function readUsageTotals(client: Inspector2Client): Promise<UsageRow[]> {
  const totals: UsageTotal[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListUsageTotalsCommand({ maxResults: 500, nextToken }));
    totals.push(...(page.totals ?? []));
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return toUsageRows(totals);
}

export async function writeUsageTotals(pool: pg.Pool, region: string, rows: UsageRow[], readAt: Date): Promise<void> {
  await withTransaction(pool, async (c) => {
    await c.query("DELETE FROM usage_totals WHERE region = $1", [region]);
    await c.query(
      `INSERT INTO usage_totals (account_id, region, usage_type, total, estimated_monthly_cost, currency, read_at)
       SELECT t.a, $1, t.u, t.n, t.c, t.cur, $7
       FROM unnest($2::text[], $3::text[], $4::float8[], $5::float8[], $6::text[]) AS t(a, u, n, c, cur)`,
      [region, rows.map((r) => r.accountId), rows.map((r) => r.usageType), rows.map((r) => r.total),
        rows.map((r) => r.estimatedMonthlyCost), rows.map((r) => r.currency), readAt],
    );
  });
}
