// The next watermark of each account listed completely, in AWS's time: the Date header of its
// partitions' first pages (less a second for the header's resolution), else the newest updatedAt
// they returned, else its previous mark, else the app's poll start. The overlap subtracted when
// reading it covers listing lag (a change listable only minutes after its updatedAt). Pure.
import type { SyncConfig } from "../sync-config";
import { partitionComplete, type PartitionResult } from "./list-partition";
import type { Watermark } from "./watermark";

export const DEFAULT_LISTING_LAG_MS = 10 * 60_000;

export const effectiveOverlapMs = (c: Pick<SyncConfig, "overlapMs" | "listingLagMs">) =>
  Math.max(c.overlapMs, (c.listingLagMs ?? DEFAULT_LISTING_LAG_MS) + 60_000);

export function accountMarks(accounts: string[], results: PartitionResult[], previous: Map<string, Watermark>, pollStart: Date): Map<string, Date> {
  const byAccount = new Map<string, PartitionResult[]>();
  for (const r of results) for (const a of r.partition.accounts) byAccount.set(a, [...(byAccount.get(a) ?? []), r]);
  const out = new Map<string, Date>();
  for (const a of accounts) {
    const rs = byAccount.get(a) ?? [];
    if (!rs.length || !rs.every(partitionComplete)) continue;
    const candidates = rs.map((r) =>
      r.awsStart ? r.awsStart.getTime() - 1_000 : (r.newestUpdatedAt ?? previous.get(a)?.findingsSince ?? pollStart).getTime(),
    );
    out.set(a, new Date(Math.min(...candidates)));
  }
  return out;
}
