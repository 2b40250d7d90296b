// The accounts step of a run: per region members and Inspector states, then Organizations
// details once. Regions whose account listing fails are returned as failed, not thrown.
import { readRegionAccounts, type RegionAccounts } from "./inspector-accounts";
import { readOrganization } from "./org-accounts";
import { accountIdentity } from "./account-identity";
import { ensureAccountRegionRows, upsertAccountRegions, upsertAccounts } from "./write-accounts";
import type { SyncContext } from "../context";
import { accountLifecycleLabel, type AccountLifecycle } from "@/lib/domain/lifecycle";
import { decideLifecycles } from "./account-lifecycle";
import { readKnownAccounts, writeLifecycles } from "./write-lifecycle";

export interface AccountsResult {
  accountIds: string[];
  byRegion: Map<string, RegionAccounts>;
  failed: Map<string, unknown>;
  /** Every known account's lifecycle after this run (cached accounts that left included). */
  lifecycles: Map<string, AccountLifecycle>;
}

/**
 * OUs and owner tags cost two Organizations calls per account: they are re-read with the daily
 * full listing, and for accounts the cache has no OU for yet; otherwise the stored ones stay.
 */
async function orgDetailsPolicy(ctx: SyncContext): Promise<(id: string) => boolean> {
  const { rows } = await ctx.pool.query(
    `SELECT (SELECT max(started_at) FROM sync_runs WHERE mode = 'FULL' AND outcome IN ('SUCCEEDED', 'PARTIAL')) AS last_full,
       ARRAY(SELECT id FROM accounts WHERE ou_name IS NOT NULL) AS known`,
  );
  const lastFull: Date | null = rows[0].last_full;
  if (ctx.forceFull || !lastFull || ctx.now().getTime() - lastFull.getTime() >= ctx.config.fullSyncEveryMs) return () => true;
  const known = new Set<string>(rows[0].known);
  return (id) => !known.has(id);
}

export async function syncAccounts(ctx: SyncContext, regions: string[], adminId: string): Promise<AccountsResult> {
  const byRegion = new Map<string, RegionAccounts>();
  const failed = new Map<string, unknown>();
  const orgRead = orgDetailsPolicy(ctx).then((needs) => readOrganization(ctx.aws.organizations, needs)); // runs alongside
  orgRead.catch(() => {}); // a database error surfaces at the await below
  await Promise.all(
    regions.map(async (region) => {
      try {
        const ra = await readRegionAccounts(ctx.aws.inspector(region), region, adminId);
        byRegion.set(region, ra);
      } catch (err) {
        failed.set(region, err);
      }
    }),
  );
  const ids = new Set<string>([adminId]);
  for (const ra of byRegion.values()) for (const id of ra.relationships.keys()) ids.add(id);

  const org = await orgRead;
  if (!org.accounts) {
    const configured = Object.keys(ctx.config.accountNames).length > 0;
    ctx.notes.push({
      kind: "organizations",
      message: `account names not read from AWS Organizations (${org.problems[0]}); using ${configured ? "INSPECTORATE_ACCOUNT_NAMES, else " : ""}the account id`,
    });
  } else if (org.problems.length) {
    ctx.notes.push({ kind: "organizations", message: `OUs or owner tags incomplete: ${org.problems.join("; ")}` });
  }
  // Organization accounts Inspector does not manage still get rows: a coverage gap to show.
  for (const id of org.accounts?.keys() ?? []) ids.add(id);
  const accountIds = [...ids].sort();
  const seenAt = ctx.now();
  const known = await readKnownAccounts(ctx.pool);
  await upsertAccounts(
    ctx.pool,
    accountIds.map((id) => accountIdentity(id, org.accounts?.get(id), ctx.config.accountNames, ctx.config.owners)),
    adminId,
    seenAt,
  );
  for (const ra of byRegion.values()) await upsertAccountRegions(ctx.pool, ra.region, ra.relationships, ra.states, seenAt);
  await ensureAccountRegionRows(ctx.pool, accountIds, ctx.config.regions);
  const lifecycles = decideLifecycles([...new Set([...accountIds, ...known.keys()])], known, org.accounts, [...byRegion.values()], adminId);
  for (const [id, l] of lifecycles) {
    const was = known.get(id)?.lifecycle ?? "ACTIVE";
    if (l !== was) ctx.notes.push({ kind: "lifecycle", message: `account ${id}: ${accountLifecycleLabel[was]} → ${accountLifecycleLabel[l]}` });
  }
  await writeLifecycles(ctx.pool, lifecycles, seenAt);
  return { accountIds, byRegion, failed, lifecycles };
}
