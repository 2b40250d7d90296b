// The accounts step of a run: per region members and Inspector states, then Organizations
// accounts once. Regions whose account listing fails are returned as failed, not thrown. The OUs and
// owner tags are read beside the findings listing and written when the caller asks (org-details.ts).
import { readRegionAccounts, type RegionAccounts } from "./inspector-accounts";
import { listOrganization } from "./org-accounts";
import { orgDetailsPolicy, startOrgDetails } from "./org-details";
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
  /** Waits for the OUs and owner tags being read since the accounts were listed, and writes them. */
  writeDetails(): Promise<void>;
  /** A run that ends without writeDetails: no further account is started, and the read in flight ends. */
  abandonDetails(): Promise<void>;
}

export async function syncAccounts(ctx: SyncContext, regions: string[], adminId: string): Promise<AccountsResult> {
  const byRegion = new Map<string, RegionAccounts>();
  const failed = new Map<string, unknown>();
  const detailsPolicy = orgDetailsPolicy(ctx);
  detailsPolicy.catch(() => {}); // a database error surfaces at the await below
  const orgRead = listOrganization(ctx.aws.organizations); // runs alongside; never throws
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
  const details = startOrgDetails(ctx, org, await detailsPolicy);
  try {
    if (!org.accounts) {
      const configured = Object.keys(ctx.config.accountNames).length > 0;
      ctx.notes.push({
        kind: "organizations",
        message: `account names not read from AWS Organizations; using ${configured ? "INSPECTORATE_ACCOUNT_NAMES, else " : ""}the account id`,
        error: org.problems[0],
      });
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
    return { accountIds, byRegion, failed, lifecycles, writeDetails: () => details.write(accountIds, adminId, seenAt), abandonDetails: details.abandon };
  } catch (err) {
    await details.abandon(); // no Organizations call outlives a run that failed here
    throw err;
  }
}
