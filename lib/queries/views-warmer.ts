// Warms what the organization-wide views read once the cache's data changed, so that no viewer waits
// for it: the overview (hundreds of ms at 1M findings) and today's weekly review (8-10 s at 1M; the
// meeting opens it right after the morning's sync). Each web worker keeps its own memos, so each warms
// its own: after a run this process finished (schedule, "Sync now", POST /api/sync), and when its poll
// sees the data version move with no run in progress (a run in another worker or process, a risk
// exception recorded elsewhere). A failure is logged by kind and leaves the memo to fill on first view.
import { readDb } from "@/lib/db/client";
import { env } from "@/lib/env";
import { internalErrorKind } from "@/lib/ops/internal-error-kind";
import { log } from "@/lib/ops/logger";
import { allScope } from "@/lib/queries/scope";
import { onRunFinished } from "@/lib/sync/run-listeners";
import { syncStatus } from "@/lib/sync/sync-status";
import { reviewParamsSchema } from "@/lib/review/review-params";
import { warmOrgOverview } from "./posture/overview-reads";
import { heatmapRows } from "./posture/heatmap-data";
import { frozenReview } from "./review/frozen-reviews";
import { liveReviewRequest, reviewInputsVersion, warmLiveReview } from "./review/live-review";

interface WarmerState {
  stop?: () => void;
  warming?: Promise<void>;
  /** The inputs version the last warming started from. */
  warmedVersion?: string;
}
const holder = globalThis as { __inspectorateViewsWarmer?: WarmerState };
const state = (): WarmerState => (holder.__inspectorateViewsWarmer ??= {});

/** The latest warming, settled once it is done (whatever its outcome). */
export const viewsWarming = (): Promise<void> | undefined => state().warming;

/** Today's review as the page asks for it with no parameters, unless today's meeting is frozen
 *  (the page then shows the record, not the live review). */
async function warmTodaysReview(now: Date): Promise<void> {
  const params = reviewParamsSchema(now).parse({});
  if (await frozenReview(allScope, params.date, params.group)) return;
  await warmLiveReview(allScope, liveReviewRequest(params));
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
    await Promise.all([
      part("overview", () => Promise.all([warmOrgOverview(), heatmapRows(allScope, { region: [], inUse: "only" })])),
      part("review", () => warmTodaysReview(new Date())),
    ]);
  })();
  return s.warming;
}

/** One poll: warms when what the views read moved since the last warming and no run is writing
 *  (a run moves the version with every batch; its end is what to warm for). */
export async function warmIfChanged(): Promise<boolean> {
  const s = state();
  if (s.warming) await s.warming;
  // Both through the read seam: the version and the run state come from the same database.
  const [version, status] = await Promise.all([reviewInputsVersion(), syncStatus(readDb().pool)]);
  if (status.running || version === s.warmedVersion) return false;
  await warm(async () => version);
  return true;
}

/** Starts once per process; returns the stop. `pollSeconds` 0: only after this process's runs. */
export function startViewsWarmer(pollSeconds = env().INSPECTORATE_WARM_POLL_SECONDS): () => void {
  const s = state();
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
