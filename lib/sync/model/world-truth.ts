// The world's truth per account, for tests that hold the cache (and later the views) to it:
// what Inspector lists now (through the real SDK, every status), and every finding a sync could
// have seen — listed at some sync's time — that Inspector no longer lists, which must be GONE.
import type pg from "pg";
import type { EmulatorHandle } from "@/emulator/server";
import { allFindings, inspector } from "@/emulator/test-support";

export interface StatusCounts {
  open: number;
  suppressed: number;
  closed: number;
  gone: number;
}

export type Listing = Map<string, { account: string; status: string }>;

const zero = (): StatusCounts => ({ open: 0, suppressed: 0, closed: 0, gone: 0 });
const key: Record<string, keyof StatusCounts> = { ACTIVE: "open", SUPPRESSED: "suppressed", CLOSED: "closed", GONE: "gone" };

/** Every finding Inspector lists now in these regions, by ARN. */
export async function inspectorListing(emu: EmulatorHandle, regions: string[]): Promise<Listing> {
  const out: Listing = new Map();
  for (const region of regions) {
    const client = inspector(emu, region);
    for (const f of await allFindings(client)) out.set(f.findingArn!, { account: f.awsAccountId!, status: f.status! });
    client.destroy();
  }
  return out;
}

/** Per account: Inspector's statuses for what it lists, GONE for what was seen before and is not listed. */
export function truthCounts(listing: Listing, everSeen: Map<string, string>): Map<string, StatusCounts> {
  const out = new Map<string, StatusCounts>();
  const bump = (account: string, k: keyof StatusCounts) => {
    if (!out.has(account)) out.set(account, zero());
    out.get(account)![k]++;
  };
  for (const { account, status } of listing.values()) bump(account, key[status]);
  for (const [arn, account] of everSeen) if (!listing.has(arn)) bump(account, "gone");
  return out;
}

export async function cacheCounts(db: Pick<pg.Pool, "query">): Promise<Map<string, StatusCounts>> {
  const { rows } = await db.query("SELECT account_id, status, count(*)::int AS n FROM findings GROUP BY 1, 2");
  const out = new Map<string, StatusCounts>();
  for (const r of rows) {
    if (!out.has(r.account_id)) out.set(r.account_id, zero());
    out.get(r.account_id)![key[r.status]] = r.n;
  }
  return out;
}

/** Sorted plain object, for readable equality failures. */
export const asRecord = (m: Map<string, StatusCounts>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)));
