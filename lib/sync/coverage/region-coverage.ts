// One region's coverage: ListCoverage (200 per page) split by account and listed in parallel,
// each page staged in the database as it arrives (memory stays flat however many resources), then
// swapped in atomically in the same transaction. Cross-checked against ListCoverageStatistics' total.
import { ListCoverageCommand, ListCoverageStatisticsCommand, type CoveredResource } from "@aws-sdk/client-inspector2";
import { AwsCallError } from "@/lib/aws/errors";
import { throwIfAborted, type SyncContext } from "../context";
import { toCoverageRow, type CoverageRow } from "../map/coverage-row";
import { mapLimit } from "../util/map-limit";
import { serialStager } from "../util/serial-stager";
import { addStagedCoverage, applyStagedCoverage, dropStagedAccounts, stageCoverage } from "../write/coverage-writer";
import { withTransaction } from "@/lib/db/transaction";

export interface RegionCoverageResult {
  listed: number;
  written: number;
  pages: number;
  statisticsTotal: number | null;
  failedAccounts: Map<string, AwsCallError>;
}

const STAGE_ROWS = 2_000;

/** Pages through one account's coverage; each page goes to `onPage` before the next is read. */
async function listAccountCoverage(ctx: SyncContext, region: string, accountId: string, onPage: (items: CoveredResource[]) => Promise<void>): Promise<number> {
  const client = ctx.aws.inspector(region);
  let pages = 0;
  let nextToken: string | undefined;
  do {
    throwIfAborted(ctx);
    const page = await client.send(
      new ListCoverageCommand({ maxResults: 200, nextToken, filterCriteria: { accountId: [{ comparison: "EQUALS", value: accountId }] } }),
    );
    pages++;
    await onPage(page.coveredResources ?? []);
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return pages;
}

export async function syncRegionCoverage(ctx: SyncContext, region: string, accounts: string[]): Promise<RegionCoverageResult> {
  const failedAccounts = new Map<string, AwsCallError>();
  const ok: string[] = [];
  let pages = 0;
  let listed = 0;
  const written = await withTransaction(ctx.pool, async (db) => {
    await stageCoverage(db);
    // Staged in chunks as pages arrive, one insert at a time on the transaction's connection (partitions
    // list in parallel; two of them once started inserts side by side), while the listing goes on.
    const stager = serialStager((rows: CoverageRow[]) => addStagedCoverage(db, rows), STAGE_ROWS);
    try {
      await mapLimit(accounts, ctx.config.partitionConcurrency, async (accountId) => {
        let mine = 0;
        try {
          pages += await listAccountCoverage(ctx, region, accountId, async (items) => {
            const rows = items.map((c) => toCoverageRow(c, region)).filter((r): r is CoverageRow => r !== null);
            mine += rows.length;
            await stager.add(rows);
          });
          listed += mine;
          ok.push(accountId);
        } catch (err) {
          if (!(err instanceof AwsCallError)) throw err;
          failedAccounts.set(accountId, err);
        }
      });
      await stager.flush();
    } finally {
      await stager.settled(); // no insert may still be queued when the transaction ends
    }
    if (!ok.length) return 0;
    await dropStagedAccounts(db, [...failedAccounts.keys()]);
    // All accounts listed: replace the whole region (drops accounts that left); else only theirs.
    return applyStagedCoverage(db, region, { accountIds: failedAccounts.size ? ok : null }, ctx.now());
  });
  if (!ok.length) return { listed: 0, written: 0, pages, statisticsTotal: null, failedAccounts };
  let statisticsTotal: number | null = null;
  try {
    statisticsTotal = (await ctx.aws.inspector(region).send(new ListCoverageStatisticsCommand({}))).totalCounts ?? null;
  } catch (err) {
    if (!(err instanceof AwsCallError)) throw err;
  }
  if (statisticsTotal !== null && statisticsTotal !== listed && !failedAccounts.size) {
    ctx.notes.push({
      kind: "coverage",
      region,
      message: `ListCoverage returned ${listed} resources but ListCoverageStatistics counts ${statisticsTotal} (resources of accounts outside the member list, or coverage changing during the run)`,
    });
  }
  return { listed, written, pages, statisticsTotal, failedAccounts };
}
