// One region's coverage: ListCoverage (200 per page) split by account and listed in parallel,
// held in memory (resources, not findings: far fewer), then swapped in atomically. Cross-checked
// against ListCoverageStatistics' total.
import { ListCoverageCommand, ListCoverageStatisticsCommand, type CoveredResource } from "@aws-sdk/client-inspector2";
import { AwsCallError } from "@/lib/aws/errors";
import { throwIfAborted, type SyncContext } from "../context";
import { toCoverageRow, type CoverageRow } from "../map/coverage-row";
import { mapLimit } from "../util/map-limit";
import { replaceCoverage } from "../write/coverage-writer";

export interface RegionCoverageResult {
  listed: number;
  written: number;
  pages: number;
  statisticsTotal: number | null;
  failedAccounts: Map<string, AwsCallError>;
}

async function listAccountCoverage(ctx: SyncContext, region: string, accountId: string): Promise<{ items: CoveredResource[]; pages: number }> {
  const client = ctx.aws.inspector(region);
  const items: CoveredResource[] = [];
  let pages = 0;
  let nextToken: string | undefined;
  do {
    throwIfAborted(ctx);
    const page = await client.send(
      new ListCoverageCommand({ maxResults: 200, nextToken, filterCriteria: { accountId: [{ comparison: "EQUALS", value: accountId }] } }),
    );
    pages++;
    items.push(...(page.coveredResources ?? []));
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return { items, pages };
}

export async function syncRegionCoverage(ctx: SyncContext, region: string, accounts: string[]): Promise<RegionCoverageResult> {
  const rows: CoverageRow[] = [];
  const failedAccounts = new Map<string, AwsCallError>();
  const ok: string[] = [];
  let pages = 0;
  await mapLimit(accounts, ctx.config.partitionConcurrency, async (accountId) => {
    try {
      const r = await listAccountCoverage(ctx, region, accountId);
      pages += r.pages;
      for (const c of r.items) {
        const row = toCoverageRow(c, region);
        if (row) rows.push(row);
      }
      ok.push(accountId);
    } catch (err) {
      if (!(err instanceof AwsCallError)) throw err;
      failedAccounts.set(accountId, err);
    }
  });
  if (!ok.length) return { listed: 0, written: 0, pages, statisticsTotal: null, failedAccounts };
  // All accounts listed: replace the whole region (drops accounts that left); else only theirs.
  const written = await replaceCoverage(ctx.pool, region, rows, { accountIds: failedAccounts.size ? ok : null }, ctx.now());
  let statisticsTotal: number | null = null;
  try {
    statisticsTotal = (await ctx.aws.inspector(region).send(new ListCoverageStatisticsCommand({}))).totalCounts ?? null;
  } catch (err) {
    if (!(err instanceof AwsCallError)) throw err;
  }
  if (statisticsTotal !== null && statisticsTotal !== rows.length && !failedAccounts.size) {
    ctx.notes.push({
      kind: "coverage",
      region,
      message: `ListCoverage returned ${rows.length} resources but ListCoverageStatistics counts ${statisticsTotal} (resources of accounts outside the member list, or coverage changing during the run)`,
    });
  }
  return { listed: rows.length, written, pages, statisticsTotal, failedAccounts };
}
