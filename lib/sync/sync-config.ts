// Everything a sync run needs to know, derived from the validated environment by default;
// tests and benchmarks pass their own.
import { configuredRegions, env, isDemo, type Env } from "@/lib/env";
import type { RateLimiterOptions } from "@/lib/aws/rate-limiter";
import type { EnrichmentConfig } from "./enrich/enrich-region";
import { TYPICAL_QUEUED_FINDING_BYTES } from "./findings/queued-bytes";

export interface SyncConfig {
  roleArn?: string;
  externalId?: string;
  sessionName: string;
  regions: string[];
  accountNames: Record<string, string>;
  owners: Record<string, string>;
  demo: boolean;
  overlapMs: number;
  /** How long after its updatedAt a change may take to become listable; the overlap covers it. */
  listingLagMs?: number;
  /** Time budget for re-listing accounts whose counts disagree with Inspector's, per region. */
  integrityBudgetMs?: number;
  /** AWS's clock this far from the app's is a run note. */
  clockSkewNoteMs?: number;
  fullSyncEveryMs: number;
  /** Listing partitions in flight per region (the rate limiter still paces them). */
  partitionConcurrency: number;
  /** Findings per bulk upsert statement. */
  batchSize: number;
  /**
   * Batch upserts in flight across the whole run. More than the database has cores only adds
   * contention (measured), and the rest of the app's pool stays free for page requests.
   */
  writeConcurrency: number;
  /**
   * Bytes of findings read but not yet written, across the run (the bounded queue between listing
   * and writing, lib/sync/util/queue-budget.ts, each finding weighed by findings/queued-bytes.ts);
   * default defaultQueueBytes.
   */
  queueBytes?: number;
  limiter?: RateLimiterOptions;
  maxAttempts?: number;
  /** V8's old-generation growth while the run lasts, in percent (util/heap-growth.ts); 0: V8's own. */
  heapGrowthPercent?: number;
  /** BatchGetFindingDetails (KEV, EPSS, exploit observed) after each region's listing; on unless disabled. */
  enrichment?: EnrichmentConfig;
}

export function syncConfigFromEnv(e: Env = env()): SyncConfig {
  return {
    roleArn: e.INSPECTORATE_ROLE_ARN,
    externalId: e.INSPECTORATE_EXTERNAL_ID,
    sessionName: e.INSPECTORATE_ROLE_SESSION_NAME,
    regions: configuredRegions(e),
    accountNames: e.INSPECTORATE_ACCOUNT_NAMES,
    owners: e.INSPECTORATE_OWNERS,
    demo: isDemo(e),
    overlapMs: e.INSPECTORATE_SYNC_OVERLAP_MINUTES * 60_000,
    fullSyncEveryMs: e.INSPECTORATE_FULL_SYNC_HOURS * 3_600_000,
    listingLagMs: e.INSPECTORATE_LISTING_LAG_MINUTES * 60_000,
    integrityBudgetMs: e.INSPECTORATE_INTEGRITY_BUDGET_SECONDS * 1000,
    heapGrowthPercent: e.INSPECTORATE_SYNC_HEAP_GROWTH_PERCENT,
    partitionConcurrency: 10,
    batchSize: 500,
    writeConcurrency: 2,
  };
}

/** The default bound: room for two regions' partitions in flight to each fill a whole batch, and two
 *  batches per writer, in findings of a typical size (12,000 of 4 KB with the defaults: 47 MiB; fewer
 *  findings when they are larger, more when smaller). Each partition sends its
 *  own batches: a full listing's partition is one account, so its rows share the rollup cells they
 *  update, and a batch of one account costs the rollups far less than one mixing many. With room for
 *  only 8 batches, the 20 partitions of a two-region listing sent their rows as soon as the queue
 *  filled: 145 findings a statement at 2M, against 338 with this room, and the first load ran 11–16 %
 *  faster with the same peak RSS (the re-listing's peak: 445–504 MB against 434 in one run with the old
 *  room; docs/benchmarks.md, twenty-eighth pass). More regions listing at
 *  once share the same room, and their batches are smaller again. */
export const defaultQueueBytes = (c: Pick<SyncConfig, "batchSize" | "writeConcurrency" | "partitionConcurrency" | "queueBytes">) =>
  c.queueBytes ?? (2 * Math.max(1, c.writeConcurrency) + 2 * Math.max(1, c.partitionConcurrency)) * c.batchSize * TYPICAL_QUEUED_FINDING_BYTES;
