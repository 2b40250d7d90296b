// One sync run, from any entry point (CLI, schedule, "Sync now", demo). A pure library: no
// React, no app imports. Holds the sync lock for its duration, records itself in sync_runs,
// isolates AWS failures per region and account, and ends SUCCEEDED, PARTIAL or FAILED.
import { db, type Database } from "@/lib/db/client";
import { createAwsClients } from "@/lib/aws/clients";
import { roleCredentials } from "@/lib/aws/credentials";
import { assumeRole, callerIdentity, checkDelegatedAdmin } from "@/lib/aws/checks";
import { syncAccounts } from "./accounts/sync-accounts";
import type { RunNote, SyncContext } from "./context";
import { semaphore } from "./util/semaphore";
import { compactFindingsKey, deferFindingIndexesIfEmpty, restoreDeferredIndexes, vacuumLoadedFindings } from "@/lib/db/deferred-indexes";
import { ProgressTracker, type SyncProgress, type SyncTrigger } from "./progress";
import { failedRegion, syncRegion, type RegionOutcome } from "./region-sync";
import { closeStaleRuns, createRun, finishRun, runStart, saveProgress, type StartedBy } from "./run/run-record";
import { withSyncLock } from "./run/sync-lock";
import { writeRegionResult } from "./run/write-results";
import { writeSnapshots } from "./snapshots/write-snapshots";
import { defaultQueueBytes, syncConfigFromEnv, type SyncConfig } from "./sync-config";
import { queueBudget } from "./util/queue-budget";
import { settleAll } from "./util/map-limit";
import { holdHeapGrowth } from "./util/heap-growth";
import { afterRegions } from "./run/after-regions";
import { enrichRegions } from "./enrich/enrich-regions";
import { enterLogContext, withLogContext } from "@/lib/ops/log-context";
import { log } from "@/lib/ops/logger";
import { observeSyncRun } from "@/lib/ops/sync-observer";
import { clearSeenMarks } from "./findings/seen-marks";
import { runListingMode, type ListingMode } from "./findings/listing-mode";

export interface RunSyncOptions {
  trigger: SyncTrigger;
  database?: Database;
  config?: SyncConfig;
  onProgress?: (p: SyncProgress) => void;
  /** Clock of the run (tests pass the emulator's). */
  now?: () => Date;
  signal?: AbortSignal;
  /** List every region in full (finds deleted findings) even if an incremental run would do. */
  full?: boolean;
  /** The person or token who asked for this run (Sync now, POST /api/sync); audited with the run. */
  startedBy?: StartedBy;
  /** Test hook after each durably written findings batch; throwing there simulates a crash. */
  afterBatch?: (batches: number) => void | Promise<void>;
}

export interface SyncResult {
  runId: number;
  outcome: "SUCCEEDED" | "PARTIAL" | "FAILED";
  error: string | null;
  regions: RegionOutcome[];
  progress: SyncProgress;
  /** A first sync into an empty cache builds the findings indexes after loading: how long that took. */
  indexRebuildMs?: number;
  /** Then it vacuums the loaded rows (their visibility map, for index-only counts): how long that took. */
  vacuumMs?: number;
  /** Most bytes of findings the run held between listing and writing, and the queue's bound. */
  queuePeakBytes?: number;
  queueCapacityBytes?: number;
}

const PROGRESS_SAVE_MS = 1_000;

export async function runSync(opts: RunSyncOptions): Promise<SyncResult> {
  const database = opts.database ?? db();
  const config = opts.config ?? syncConfigFromEnv();
  const now = opts.now ?? (() => new Date());
  return withSyncLock(database.pool, async () => {
    const releaseHeapGrowth = holdHeapGrowth(config.heapGrowthPercent);
    try {
      return await lockedRun(opts, database, config, now);
    } finally {
      releaseHeapGrowth();
    }
  });
}

async function lockedRun(opts: RunSyncOptions, database: Database, config: SyncConfig, now: () => Date): Promise<SyncResult> {
  await closeStaleRuns(database.pool, new Date());
  await clearSeenMarks(database.pool);
  const startedAt = await runStart(database.pool, now());
  const notes: RunNote[] = [];
  // A run killed during a first load left the findings indexes deferred: rebuild them first.
  const restored = await restoreDeferredIndexes(database.pool, config.writeConcurrency);
  if (restored) notes.push({ kind: "bulk-load", message: `Rebuilt ${restored} findings indexes an interrupted first load had deferred` });
  if (config.demo || opts.trigger === "demo") notes.push({ kind: "demo", message: "Demo data: synced from the bundled emulator's demo organization" });
  const runId = await createRun(database.pool, opts.trigger, startedAt, notes, opts.startedBy);
  enterLogContext({ runId });
  log().info({ trigger: opts.trigger, regions: config.regions, full: opts.full ?? false }, "sync run started");
  let lastSave = 0;
  let saving: Promise<void> = Promise.resolve();
  const progress = new ProgressTracker(opts.trigger, config.regions, (p) => {
    try {
      opts.onProgress?.(p);
    } catch {
      // a listener's failure (a closed terminal, a UI callback) must not stop the sync
    }
    if (performance.now() - lastSave > PROGRESS_SAVE_MS) {
      lastSave = performance.now();
      saving = saving.then(() => saveProgress(database.pool, runId, p)).catch(() => {});
    }
  });
  progress.state.runId = runId;
  progress.update();
  const credentials = roleCredentials({ roleArn: config.roleArn, externalId: config.externalId, sessionName: config.sessionName, stsRegion: config.regions[0] });
  const aws = createAwsClients({
    credentials,
    homeRegion: config.regions[0],
    limiter: config.limiter,
    maxAttempts: config.maxAttempts,
    now,
  });
  // One signal for the caller's abort and for a fatal error in any region: all work stops.
  const stop = new AbortController();
  if (opts.signal?.aborted) stop.abort(opts.signal.reason);
  opts.signal?.addEventListener("abort", () => stop.abort(opts.signal?.reason), { once: true });
  const ctx: SyncContext = {
    database, pool: database.pool, aws, config, runId, startedAt, now, progress, notes, stopRun: (why) => stop.abort(why),
    signal: stop.signal, afterBatch: opts.afterBatch, batches: 0, forceFull: opts.full ?? false,
    writes: semaphore(config.writeConcurrency), queue: queueBudget(defaultQueueBytes(config)),
  };
  const ticker = setInterval(() => progress.update({ apiRequests: aws.stats.requests, throttled: aws.stats.throttled }), 500);
  let outcomes: RegionOutcome[] = [];
  let mode: ListingMode = "INCREMENTAL";
  let error: string | null = null;
  let outcome: SyncResult["outcome"] = "FAILED";
  try {
    await assumeRole(credentials, config.roleArn);
    outcomes = await syncAll(ctx);
    mode = runListingMode(outcomes.flatMap((o) => (o.findings ? [o.findings.mode] : [])));
    await enrichRegions(ctx, outcomes);
    await afterRegions(ctx, mode !== "INCREMENTAL");
    const ok = outcomes.filter((o) => o.status === "OK").length;
    outcome = ok === outcomes.length ? "SUCCEEDED" : outcomes.some((o) => o.status !== "ACCESS_DENIED" && o.status !== "ERROR") ? "PARTIAL" : "FAILED";
    if (outcome === "FAILED") error = outcomes.map((o) => `${o.region}: ${o.error}`).join("; ");
    if (outcome !== "FAILED") {
      progress.update({ phase: "snapshots" });
      await writeSnapshots(ctx);
    }
  } catch (err) {
    outcome = "FAILED";
    error = err instanceof Error ? err.message : String(err);
  } finally {
    clearInterval(ticker);
    aws.destroy();
    await clearSeenMarks(database.pool).catch(() => {}); // the next run's start empties it anyway
  }
  const final = progress.update({ phase: outcome === "FAILED" ? "failed" : "done", outcome, message: error ?? undefined, apiRequests: aws.stats.requests, throttled: aws.stats.throttled });
  await saving;
  const written = (o: RegionOutcome) => o.findings?.partitions.reduce((n, p) => n + p.written, 0) ?? 0;
  await finishRun(database.pool, runId, {
    outcome, error, notes,
    mode,
    findingsUpserted: outcomes.reduce((n, o) => n + written(o), 0),
    coverageUpserted: outcomes.reduce((n, o) => n + (o.coverage?.written ?? 0), 0),
    apiRequests: aws.stats.requests, throttled: aws.stats.throttled, progress: final,
  }, now());
  observeSyncRun({
    runId, trigger: opts.trigger, outcome, error, seconds: (now().getTime() - startedAt.getTime()) / 1000,
    apiRequests: aws.stats.requests, throttled: aws.stats.throttled,
    regions: outcomes.map((o) => ({
      region: o.region, status: o.status, error: o.error, written: written(o),
      listed: final.regions.find((r) => r.region === o.region)?.findings ?? 0,
    })),
  });
  return { runId, outcome, error, regions: outcomes, progress: final, indexRebuildMs: ctx.indexRebuildMs, vacuumMs: ctx.vacuumMs, queuePeakBytes: ctx.queue.peak, queueCapacityBytes: ctx.queue.capacity };
}

async function syncAll(ctx: SyncContext): Promise<RegionOutcome[]> {
  const identity = await callerIdentity(ctx.aws.sts);
  const regions = ctx.config.regions;
  for (const r of regions) ctx.progress.region(r).phase = "checking";
  ctx.progress.update({ phase: "accounts" });
  const checks = await Promise.all(regions.map((r) => checkDelegatedAdmin(ctx.aws.inspector(r), r, identity.accountId)));
  const usable = regions.filter((r, i) => {
    const c = checks[i];
    if (c.ok && c.unconfirmed) ctx.notes.push({ kind: "delegated-admin", region: r, message: "could not confirm the delegated admin; the region is listed anyway", error: c.unconfirmed });
    if (!c.ok) {
      ctx.notes.push(c.fromAws
        ? { kind: "delegated-admin", region: r, message: "the delegated admin could not be checked; the region is not synced", error: c.message }
        : { kind: "delegated-admin", region: r, message: c.message });
    }
    return c.ok;
  });
  const accounts = await syncAccounts(ctx, usable, identity.accountId);
  ctx.progress.update({ phase: "findings" });
  let deferred = 0;
  let detailsWritten = false;
  try {
    deferred = await deferFindingIndexesIfEmpty(ctx.pool);
    if (deferred) ctx.firstLoadBatches = { inserted: 0, upserted: 0 };
    const outcomes = await syncRegions(ctx, regions, checks, accounts);
    // The accounts' OUs and owner tags, read beside the listing (sync-accounts.ts), before the snapshots.
    ctx.progress.update({ phase: "details" });
    await accounts.writeDetails();
    detailsWritten = true;
    return outcomes;
  } finally {
    if (!detailsWritten) await accounts.abandonDetails();
    if (deferred) {
      const t0 = performance.now();
      await restoreDeferredIndexes(ctx.pool, ctx.config.writeConcurrency);
      const keyCompacted = await compactFindingsKey(ctx.pool).then(() => true, (err: unknown) => {
        log().warn({ err }, "the findings primary key could not be rebuilt after the first load; it stays as loaded");
        return false;
      });
      ctx.indexRebuildMs = Math.round(performance.now() - t0);
      const t1 = performance.now();
      const vacuumed = await vacuumLoadedFindings(ctx.pool).then(() => true, (err: unknown) => {
        log().warn({ err }, "the findings could not be vacuumed after the first load; autovacuum will in time");
        return false;
      });
      ctx.vacuumMs = Math.round(performance.now() - t1);
      const b = ctx.firstLoadBatches ?? { inserted: 0, upserted: 0 };
      const batches = `${b.inserted} findings batches inserted${b.upserted ? ` and ${b.upserted} upserted (they repeated a finding already written)` : ""}; `;
      ctx.notes.push({ kind: "bulk-load", message: `First load into an empty cache: ${batches}${deferred} findings indexes built after loading${keyCompacted ? " and the primary key rebuilt" : ""}, in ${(ctx.indexRebuildMs / 1000).toFixed(1)} s${vacuumed ? `; the loaded rows vacuumed in ${(ctx.vacuumMs / 1000).toFixed(1)} s` : ""}` });
    }
  }
}

async function syncRegions(
  ctx: SyncContext, regions: string[], checks: Awaited<ReturnType<typeof checkDelegatedAdmin>>[], accounts: Awaited<ReturnType<typeof syncAccounts>>,
): Promise<RegionOutcome[]> {
  const outcomes = await settleAll(
    regions.map((region, i): Promise<RegionOutcome> => withLogContext({ region }, async () => {
      const c = checks[i];
      const ra = accounts.byRegion.get(region);
      const o = !c.ok
        ? failedRegion(region, new Error(c.message), accounts.accountIds)
        : !ra
          ? failedRegion(region, accounts.failed.get(region), accounts.accountIds)
          : await syncRegion(ctx, region, ra, accounts.lifecycles);
      // Organization accounts Inspector does not manage here: visible as a gap, not as "no findings".
      for (const id of accounts.accountIds) {
        if (!o.accounts.has(id)) o.accounts.set(id, { status: "INSPECTOR_DISABLED", error: `not an Inspector member account in ${region}`, findings: 0 });
      }
      ctx.progress.region(region).phase = o.status === "OK" || o.status === "PARTIAL" ? "done" : "failed";
      ctx.progress.region(region).error = o.error ?? undefined;
      await writeRegionResult(ctx.pool, ctx.runId, o, ctx.now());
      return o;
    })),
    (err) => ctx.stopRun(err instanceof Error ? err.message : String(err)),
  );
  return outcomes;
}
