// BatchGetFindingDetails for the targets, MAX_ARNS per call, a few calls in flight; the client's
// pacing middleware (lib/aws/rate-limiter.ts, per region and operation) spaces them and backs off
// on throttling. Per-ARN errors are answers, not failures: not found = unknown, others retried
// next run. A failed call (after the SDK's retries) stops further calls; what arrived is kept.
import { BatchGetFindingDetailsCommand, type Inspector2Client } from "@aws-sdk/client-inspector2";
import { chunk, mapLimit } from "../util/map-limit";
import { intelFromDetail, notFoundIntel, type IntelRow, type Target } from "./map-finding-detail";

/** The API's limit (findingArns: 1–10). */
export const MAX_ARNS = 10;

export interface FetchedDetails {
  rows: IntelRow[];
  calls: number;
  /** Per-ARN errors other than "not found" (ACCESS_DENIED, INTERNAL_ERROR…): code → count. */
  arnErrors: Record<string, number>;
  failure: unknown;
}

export async function fetchDetails(client: Inspector2Client, targets: Target[], concurrency: number, signal?: AbortSignal): Promise<FetchedDetails> {
  const out: FetchedDetails = { rows: [], calls: 0, arnErrors: {}, failure: undefined };
  const batches = chunk(targets, MAX_ARNS);
  try {
    await mapLimit(batches, concurrency, async (batch) => {
      out.calls++;
      const r = await client.send(new BatchGetFindingDetailsCommand({ findingArns: batch.map((t) => t.arn) }), { abortSignal: signal });
      const byArn = new Map(batch.map((t) => [t.arn, t]));
      for (const d of r.findingDetails ?? []) {
        const t = d.findingArn ? byArn.get(d.findingArn) : undefined;
        if (t) out.rows.push(intelFromDetail(t, d));
      }
      for (const e of r.errors ?? []) {
        const t = e.findingArn ? byArn.get(e.findingArn) : undefined;
        if (t && (e.errorCode === "FINDING_DETAILS_NOT_FOUND" || e.errorCode === "INVALID_INPUT")) out.rows.push(notFoundIntel(t));
        else out.arnErrors[e.errorCode ?? "UNKNOWN"] = (out.arnErrors[e.errorCode ?? "UNKNOWN"] ?? 0) + 1;
      }
    });
  } catch (err) {
    out.failure = err;
  }
  return out;
}
