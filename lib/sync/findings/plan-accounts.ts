// Which accounts a region's listing covers, which of them it lists in full whatever their
// watermark, and why each one's unlisted findings would be gone. An account that left (Inspector
// off or disassociated here, suspended, out of the organization) is listed — in full — only while
// the cache still holds findings of it here; its full-listing mark is cleared, so on its return
// its first listing is full and every finding Inspector reports again reappears.
import type pg from "pg";
import { findingStatuses } from "@/lib/domain/finding-enums";
import type { AccountLifecycle, GoneReason } from "@/lib/domain/lifecycle";
import { goneReason, regionMembership } from "../accounts/account-lifecycle";
import type { RegionAccounts } from "../accounts/inspector-accounts";

export interface RegionAccountPlan {
  accounts: string[];
  fullAccounts: Set<string>;
  goneReasons: Map<string, GoneReason>;
}

export async function planRegionAccounts(
  db: Pick<pg.Pool, "query">, region: string, ra: RegionAccounts, lifecycles: Map<string, AccountLifecycle>,
): Promise<RegionAccountPlan> {
  const { rows } = await db.query("SELECT account_id FROM account_regions WHERE region = $1 AND findings_since IS NOT NULL", [region]);
  const known = [...new Set([...ra.relationships.keys(), ...rows.map((r) => r.account_id as string)])].sort();
  const lifecycle = (a: string) => lifecycles.get(a) ?? "ACTIVE";
  const left = known.filter((a) => lifecycle(a) !== "ACTIVE" || regionMembership(ra, a) !== "IN");
  const held = await db.query(
    "SELECT DISTINCT account_id FROM findings WHERE status = ANY($3::text[]) AND account_id = ANY($2::text[]) AND region = $1",
    [region, left, findingStatuses],
  );
  const fullAccounts = new Set(held.rows.map((r) => r.account_id as string));
  await db.query("UPDATE account_regions SET last_full_listing_at = NULL WHERE region = $1 AND account_id = ANY($2::text[]) AND last_full_listing_at IS NOT NULL", [region, left]);
  const accounts = known.filter((a) => !left.includes(a) || fullAccounts.has(a));
  return { accounts, fullAccounts, goneReasons: new Map(accounts.map((a) => [a, goneReason(lifecycle(a), ra, a)])) };
}
