// Known-exploitation enrichment of one region, run once every region is listed (enrich-regions.ts),
// so it never slows a listing. Its failure never fails the sync: the region's result records it
// (sync_region_results.checks.enrichment) and the run gets a note.
import { classifyAwsError } from "@/lib/aws/errors";
import { SyncAbortedError, throwIfAborted, type SyncContext } from "../context";
import { fetchDetails } from "./fetch-details";
import { writeIntel } from "./write-intel";
import type { Target } from "./map-finding-detail";

export interface EnrichmentResult {
  /** Vulnerabilities that needed details this run. */
  targets: number;
  /** Stored (found or "not found"). */
  stored: number;
  calls: number;
  kevEvents: number;
  arnErrors: Record<string, number>;
  error: string | null;
  durationMs: number;
}

export interface EnrichmentConfig {
  enabled?: boolean;
  /** Details older than this are fetched again even when nothing changed (default a day). */
  ttlMs?: number;
  /** BatchGetFindingDetails calls in flight per region (the rate limiter still paces them). */
  concurrency?: number;
}

export const DEFAULT_INTEL_TTL_MS = 24 * 3_600_000;

/** `targets`: this region's share (intel-targets.ts); `selectError`: choosing them failed. */
export async function enrichRegion(ctx: SyncContext, region: string, targets: Target[], selectError?: string): Promise<EnrichmentResult> {
  const o = ctx.config.enrichment ?? {};
  const t0 = performance.now();
  const out: EnrichmentResult = { targets: targets.length, stored: 0, calls: 0, kevEvents: 0, arnErrors: {}, error: selectError ?? null, durationMs: 0 };
  if (!selectError) {
    try {
      const now = ctx.now();
      const got = await fetchDetails(ctx.aws.inspector(region), targets, o.concurrency ?? 2, ctx.signal);
      throwIfAborted(ctx);
      Object.assign(out, { calls: got.calls, arnErrors: got.arnErrors });
      out.kevEvents = (await writeIntel(ctx.pool, got.rows, now, ctx.runId)).kevEvents;
      out.stored = got.rows.length;
      if (got.failure) out.error = `${classifyAwsError(got.failure)}: ${got.failure instanceof Error ? got.failure.message : String(got.failure)}`;
    } catch (err) {
      if (err instanceof SyncAbortedError || ctx.signal?.aborted) throw err;
      out.error = err instanceof Error ? err.message : String(err);
    }
  }
  out.durationMs = Math.round(performance.now() - t0);
  const failedArns = Object.values(out.arnErrors).reduce((a, b) => a + b, 0);
  if (out.error || failedArns) {
    ctx.notes.push({ kind: "enrichment", region, message: `finding details (KEV, EPSS, exploit observed) incomplete: ${out.stored} of ${out.targets} vulnerabilities stored` +
      (failedArns ? `, ${failedArns} answered with an error (${Object.keys(out.arnErrors).join(", ")})` : ""), ...(out.error ? { error: out.error } : {}) });
  }
  return out;
}
