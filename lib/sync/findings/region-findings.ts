// One region's findings. Each account is listed in full (never listed, full listing due, asked
// to, or no longer an enabled member) or incrementally from its own watermark; partitions run in
// parallel. Per account listed completely: a full listing marks what it did not return GONE (with
// the account's reason) and every complete account's watermark advances; a failed or incomplete
// partition holds back only its own accounts.
import type { GoneReason } from "@/lib/domain/lifecycle";
import type { SyncContext } from "../context";
import { accountAggregation } from "../integrity/account-aggregation";
import { mapLimit } from "../util/map-limit";
import { markGone } from "./gone";
import { listPartition, partitionComplete, type PartitionResult } from "./list-partition";
import { LARGE_ACCOUNT, planPartitions, type Partition } from "./partitions";
import { accountMarks, effectiveOverlapMs } from "./account-marks";
import { regionListingMode, type ListingMode } from "./listing-mode";
import { advanceWatermarks, listingMode, mirrorRegionWatermark, readWatermarks } from "./watermark";

export interface RegionFindingsResult {
  mode: ListingMode;
  /** Member accounts (not the ones that left) and how many of them were listed in full. */
  members: number;
  membersListedInFull: number;
  since: Date | null;
  pollStart: Date;
  partitions: PartitionResult[];
  /** Findings listed per account (all partitions, failed ones included). */
  perAccount: Map<string, number>;
  complete: boolean;
  /** Accounts whose every partition completed this run, and those of them listed in full. */
  completeAccounts: Set<string>;
  fullAccounts: Set<string>;
  gone: number;
  /** Wall time of the listing and its writes, for progress and benchmarks. */
  listingMs: number;
}

export interface RegionFindingsOptions {
  forceFull?: boolean;
  /** Accounts to list in full whatever their watermark (not an enabled member any more). */
  fullAccounts?: Set<string>;
  /** Why an account's unlisted findings are gone; RETENTION when absent. */
  goneReasons?: Map<string, GoneReason>;
}

export async function syncRegionFindings(ctx: SyncContext, region: string, accounts: string[], opts: RegionFindingsOptions = {}): Promise<RegionFindingsResult> {
  const pollStart = ctx.now();
  const t0 = performance.now();
  const marks = await readWatermarks(ctx.pool, region, accounts);
  const full = new Set(accounts.filter((a) => opts.fullAccounts?.has(a) || listingMode(marks.get(a), pollStart, ctx.config.fullSyncEveryMs, opts.forceFull) === "FULL"));
  // The region's mode names what its members' watermarks asked for (left accounts are always listed in full).
  const members = accounts.filter((a) => !opts.fullAccounts?.has(a));
  const membersListedInFull = members.filter((a) => full.has(a)).length;
  const mode = regionListingMode(membersListedInFull, members.length);
  const progress = ctx.progress.region(region);
  progress.mode = mode;
  let large: Set<string> | undefined;
  if (full.size) {
    // Sizes for the ETA and for splitting big accounts; optional, the listing works without.
    const counts = await accountAggregation(ctx.aws.inspector(region)).catch(() => undefined);
    if (counts) {
      progress.expectedActive = [...counts].filter(([id]) => full.has(id)).reduce((n, [, c]) => n + c.all, 0);
      large = new Set([...counts].filter(([, c]) => c.all > LARGE_ACCOUNT).map(([id]) => id));
    }
  }
  const overlap = effectiveOverlapMs(ctx.config);
  const bySince = new Map<number, string[]>();
  for (const a of accounts.filter((x) => !full.has(x))) {
    const t = marks.get(a)!.findingsSince!.getTime() - overlap;
    bySince.set(t, [...(bySince.get(t) ?? []), a]);
  }
  const partitions: Partition[] = [
    ...planPartitions({ accounts: [...full], large }),
    ...[...bySince].flatMap(([t, ids]) => planPartitions({ accounts: ids, since: new Date(t) })),
  ];
  progress.partitionsTotal = partitions.length;
  const perAccount = new Map<string, number>();
  const results = await mapLimit(partitions, ctx.config.partitionConcurrency, async (p) => {
    try {
      const r = await listPartition(ctx, region, p, perAccount);
      progress.partitionsDone++;
      return r;
    } catch (err) {
      ctx.stopRun(err instanceof Error ? err.message : String(err)); // fatal: stop the sibling partitions too
      throw err;
    }
  });
  progress.expectedFindings = progress.findings;

  const next = accountMarks(accounts, results, marks, pollStart);
  const done = new Set(next.keys());
  const reasons = new Map([...done].filter((a) => full.has(a)).map((a) => [a, opts.goneReasons?.get(a) ?? ("RETENTION" as const)]));
  const gone = await markGone(ctx.pool, region, reasons, ctx.startedAt, ctx.now(), ctx.runId);
  // A left account's full listing is not recorded as one: when it returns, it is listed in full again.
  const marks2 = [...next].map(([account, since]) => ({ account, since, full: full.has(account) && !opts.fullAccounts?.has(account) }));
  await advanceWatermarks(ctx.pool, region, marks2, pollStart);
  const allFull = accounts.length > 0 && accounts.every((a) => full.has(a) && done.has(a));
  await mirrorRegionWatermark(ctx.pool, region, allFull ? pollStart : null);
  const sinces = [...bySince.keys()];
  return {
    mode, members: members.length, membersListedInFull,
    since: sinces.length ? new Date(Math.min(...sinces)) : null,
    pollStart, partitions: results, perAccount, complete: results.every(partitionComplete),
    completeAccounts: done, fullAccounts: full, gone, listingMs: Math.round(performance.now() - t0),
  };
}
