// The accounts' OUs and owner tags, read beside the findings listing: started once the organization's
// accounts are listed (sync-accounts.ts), written when the run asks (before its snapshots), stopped with
// the run. Organizations throttles these reads, so a first load of thousands of accounts does not wait
// for them before listing its first finding.
import type { SyncContext } from "../context";
import { accountIdentity } from "./account-identity";
import { readOrgDetails, type OrgRead } from "./org-accounts";
import { upsertAccounts } from "./write-accounts";

export interface OrgDetails {
  /** Waits for the read and writes what it found; its problems become the run's notes. */
  write(accountIds: string[], adminId: string, seenAt: Date): Promise<void>;
  /** For a run that ends without write: no further account is started, and the call in flight ends. */
  abandon(): Promise<void>;
}

/**
 * Whose details to read: every account with the daily full listing (or a forced one), otherwise only
 * accounts the cache has no OU for yet; the others keep their stored OU and tags.
 */
export async function orgDetailsPolicy(ctx: SyncContext): Promise<(id: string) => boolean> {
  const { rows } = await ctx.pool.query(
    `SELECT (SELECT max(started_at) FROM sync_runs WHERE mode = 'FULL' AND outcome IN ('SUCCEEDED', 'PARTIAL')) AS last_full,
       ARRAY(SELECT id FROM accounts WHERE ou_name IS NOT NULL) AS known`,
  );
  const lastFull: Date | null = rows[0].last_full;
  if (ctx.forceFull || !lastFull || ctx.now().getTime() - lastFull.getTime() >= ctx.config.fullSyncEveryMs) return () => true;
  const known = new Set<string>(rows[0].known);
  return (id) => !known.has(id);
}

export function startOrgDetails(ctx: SyncContext, org: OrgRead, needsDetails: (id: string) => boolean): OrgDetails {
  const stop = new AbortController();
  // A run stopped before the listing started this: its abort event has already fired.
  if (ctx.signal?.aborted) stop.abort();
  else ctx.signal?.addEventListener("abort", () => stop.abort(), { once: true });
  const read = org.accounts ? readOrgDetails(ctx.aws.organizations, org.accounts, needsDetails, stop.signal) : Promise.resolve({ problems: [], skipped: 0, remarks: [] });
  read.catch(() => {}); // observed by write
  return {
    async write(accountIds, adminId, seenAt) {
      const { problems, skipped, remarks } = await read;
      if (problems.length) ctx.notes.push({ kind: "organizations", message: "OUs or owner tags incomplete", error: problems.join("; ") });
      if (skipped) ctx.notes.push({ kind: "organizations", message: `${skipped} accounts' OU and tags not read: the run stopped first` });
      for (const r of remarks) ctx.notes.push({ kind: "organizations", ...r });
      const accounts = org.accounts;
      if (!accounts) return;
      const detailed = accountIds.filter((id) => accounts.has(id) && needsDetails(id));
      await upsertAccounts(ctx.pool, detailed.map((id) => accountIdentity(id, accounts.get(id), ctx.config.accountNames, ctx.config.owners)), adminId, seenAt);
    },
    async abandon() {
      stop.abort();
      await read.catch(() => {});
    },
  };
}
