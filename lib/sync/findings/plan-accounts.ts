// Which accounts a region's listing covers, which of them it lists in full whatever their
// watermark, and why each one's unlisted findings would be gone.
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
  // Members, plus accounts listed here before that are members no longer: listing them (in full)
  // is what turns their findings GONE, with the reason their lifecycle gives.
  const { rows } = await db.query("SELECT account_id FROM account_regions WHERE region = $1 AND findings_since IS NOT NULL", [region]);
  const accounts = [...new Set([...ra.relationships.keys(), ...rows.map((r) => r.account_id as string)])].sort();
  const lifecycle = (a: string) => lifecycles.get(a) ?? "ACTIVE";
  const left = accounts.filter((a) => lifecycle(a) !== "ACTIVE" || regionMembership(ra, a) !== "IN");
  const stillHeld = await db.query(
    "SELECT DISTINCT account_id FROM findings WHERE status = ANY($3::text[]) AND account_id = ANY($2::text[]) AND region = $1",
    [region, left, findingStatuses],
  );
  // Back in Inspector after leaving: listed in full once, so every finding it reports again reappears.
  const returned = await db.query(
    `SELECT DISTINCT f.account_id FROM findings f JOIN account_regions r ON r.account_id = f.account_id AND r.region = f.region
     WHERE f.status = 'GONE' AND f.account_id = ANY($2::text[]) AND f.region = $1 AND f.gone_reason LIKE 'ACCOUNT%'
       AND (r.last_full_listing_at IS NULL OR f.gone_at > r.last_full_listing_at)`,
    [region, accounts.filter((a) => !left.includes(a))],
  );
  return {
    accounts,
    fullAccounts: new Set([...stillHeld.rows, ...returned.rows].map((r) => r.account_id as string)),
    goneReasons: new Map(accounts.map((a) => [a, goneReason(lifecycle(a), ra, a)])),
  };
}
