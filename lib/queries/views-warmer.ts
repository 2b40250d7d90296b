// Warms what the organization-wide views read once the cache's data changed, so that no viewer waits
// for it: the overview (hundreds of ms at 1M findings) and today's weekly review (8-10 s at 1M; the
// meeting opens it right after the morning's sync), and sums the CVE groups of the scopes of many
// accounts viewers opened (findings/scope-key-rollups.ts; also at a poll with no data change, for a
// scope recorded since). Each web worker keeps its own memos, so each warms
// its own: after a run this process finished (schedule, "Sync now", POST /api/sync), and when its poll
// sees the data version move with no run in progress (a run in another worker or process, a risk
// exception recorded elsewhere). A failure is logged by kind and leaves the memo to fill on first view.
// Warming yields to viewers: the processes warm one after another (a turn on the database server), and
// each warms one part and one review section at a time, each after a quiet moment of its own event
// loop (whenQuiet: at most 10 minutes, then anyway). Two workers computing every section at once
// took both cores for 20 s and more under load: 50 viewers' explorer pages fell from ~170 to 10-18
// requests/s with a p99 of 9-11 s while it ran (docs/benchmarks.md, eighteenth pass).
import { db, readDb } from "@/lib/db/client";
import { isEmbeddedPool } from "@/lib/db/embedded-pool";
import { inServerTurn } from "@/lib/db/server-turn";
import { ADVISORY_KEYS } from "@/lib/db/advisory-keys";
import { env } from "@/lib/env";
import { internalErrorKind } from "@/lib/ops/internal-error-kind";
import { whenQuiet, type QuietOptions } from "@/lib/ops/when-quiet";
import { log } from "@/lib/ops/logger";
import { allScope } from "@/lib/queries/scope";
import { onRunFinished } from "@/lib/sync/run-listeners";
import { syncStatus } from "@/lib/sync/sync-status";
import { reviewParamsSchema } from "@/lib/review/review-params";
import { forgetUnaskedScopes, sumAskedScopes } from "./findings/scope-key-rollups";
import { refreshFindingsIndex } from "./findings/findings-index";
import { warmOrgOverview } from "./posture/overview-reads";
import { heatmapRows } from "./posture/heatmap-data";
import { frozenReview } from "./review/frozen-reviews";
import { liveReviewRequest, reviewInputsVersion, warmLiveReview } from "./review/live-review";

interface WarmerState {
  stop?: () => void;
  warming?: Promise<void>;
  /** The inputs version the last warming started from. */
  warmedVersion?: string;
  /** How each step waits for a quiet moment (tests: not at all). */
  quiet?: QuietOptions;
}
const holder = globalThis as { __inspectorateViewsWarmer?: WarmerState };
const state = (): WarmerState => (holder.__inspectorateViewsWarmer ??= {});

/** The latest warming, settled once it is done (whatever its outcome). */
export const viewsWarming = (): Promise<void> | undefined => state().warming;

/** Today's review as the page asks for it with no parameters, unless today's meeting is frozen
 *  (the page then shows the record, not the live review). */
async function warmTodaysReview(now: Date, quiet: () => Promise<unknown>): Promise<void> {
  const params = reviewParamsSchema(now).parse({});
  if (await frozenReview(allScope, params.date, params.group)) return;
  await warmLiveReview(allScope, liveReviewRequest(params), quiet);
}

/** `version`: the inputs version this warming answers for, read before it starts. */
function warm(version: () => Promise<string>): Promise<void> {
  const s = state();
  const started = Date.now();
  const part = (name: string, work: () => Promise<unknown>) =>
    work().then(
      () => log().info({ component: name, ms: Date.now() - started }, `${name} warmed after a data change`),
      (err) => log().warn({ component: name, kind: internalErrorKind(err) }, `warming the ${name} failed`),
    );
  s.warming = (async () => {
    s.warmedVersion = await version().catch(() => undefined);
    const quiet = () => whenQuiet(s.quiet);
    await inWarmingTurn(async () => {
      await quiet();
      await part("overview", () => Promise.all([warmOrgOverview(), heatmapRows(allScope, { region: [], inUse: "only" })]));
      await part("findings index", refreshFindingsIndex);
      await part("review", () => warmTodaysReview(new Date(), quiet));
      await part("scoped CVE groups", async () => {
        await forgetUnaskedScopes();
        await sumAskedScopes(quiet);
      });
    });
  })();
  return s.warming;
}

const WARM_TURN_KEY = ADVISORY_KEYS.viewsWarmer;
/** A turn not had within this long (another process stuck) is not waited for any longer. */
const WARM_TURN_WAIT_MS = 5 * 60_000;

/** `work` in this process's turn among the app's processes; without a turn (the embedded database,
 *  a lock that failed or waited too long) it runs anyway: warming late is better than never. */
async function inWarmingTurn(work: () => Promise<void>): Promise<void> {
  const pool = db().pool;
  if (await isEmbeddedPool(pool).catch(() => true)) return work();
  let ran = false;
  try {
    await inServerTurn(pool.options, WARM_TURN_KEY, async () => {
      ran = true;
      await work();
    }, { waitMs: WARM_TURN_WAIT_MS });
  } catch (err) {
    if (ran) throw err;
    log().warn({ component: "views-warmer", kind: internalErrorKind(err) }, "no turn to warm the views; warming anyway");
    await work();
  }
}

/** One poll: warms when what the views read moved since the last warming and no run is writing
 *  (a run moves the version with every batch; its end is what to warm for). */
export async function warmIfChanged(): Promise<boolean> {
  const s = state();
  if (s.warming) await s.warming;
  // Both through the read seam: the version and the run state come from the same database.
  const [version, status] = await Promise.all([reviewInputsVersion(), syncStatus(readDb().pool)]);
  if (status.running) return false;
  if (version === s.warmedVersion) {
    // No data change, but a viewer may have opened the groups of a scope not summed yet.
    await sumAskedScopes(() => whenQuiet(s.quiet));
    return false;
  }
  await warm(async () => version);
  return true;
}

/** Starts once per process; returns the stop. `pollSeconds` 0: only after this process's runs. */
export function startViewsWarmer(pollSeconds = env().INSPECTORATE_WARM_POLL_SECONDS, quiet?: QuietOptions): () => void {
  const s = state();
  s.quiet = quiet;
  if (!s.stop) {
    const offRun = onRunFinished(() => void warm(reviewInputsVersion));
    let polling = false;
    const poll = async () => {
      if (polling) return;
      polling = true;
      try {
        await warmIfChanged();
      } catch (err) {
        log().warn({ component: "views-warmer", kind: internalErrorKind(err) }, "checking for data changes to warm failed");
      } finally {
        polling = false;
      }
    };
    const timer = pollSeconds > 0 ? setInterval(() => void poll(), pollSeconds * 1000) : undefined;
    timer?.unref();
    s.stop = () => {
      offRun();
      if (timer) clearInterval(timer);
      s.stop = undefined;
    };
  }
  return s.stop;
}
