// Exports change nothing, so their audit row is the only write: recorded before the file is sent,
// so a download that could not be recorded is not served.
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { recordAudit, type AuditAction } from "./audit";
import type { GuardContext } from "./guard";

export async function recordExport(g: GuardContext, action: Extract<AuditAction, `export.${string}`>, detail: Record<string, unknown>): Promise<void> {
  const scope = g.scope.accountIds === "all" ? "all" : `${g.scope.accountIds.length} accounts`;
  await withTransaction(db().pool, (tx) => recordAudit(tx, { actor: g.actor, action, detail: { ...detail, scope }, address: g.address }));
}
