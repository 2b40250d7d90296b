// Sign-in outcomes for the audit trail (the sign-in flow calls this beside its log line). A sign-in
// changes no other row, so the audit row is its own transaction; never a token, code or secret.
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import { recordAudit, type AuditActor } from "./audit";

export type SignInAuditOutcome = "sign_in.succeeded" | "sign_in.failed" | "sign_in.no_role" | "sign_in.rate_limited" | "sign_out";

export async function recordSignIn(
  action: SignInAuditOutcome,
  who: { userId?: string | null; name?: string | null },
  address: string | null,
  reason?: string,
): Promise<void> {
  const actor: AuditActor = who.userId ? { kind: "user", id: who.userId, name: who.name ?? who.userId } : { kind: "system", id: null, name: who.name ?? "unknown" };
  await withTransaction(db().pool, (tx) => recordAudit(tx, { actor, action, address, detail: reason ? { reason: reason.slice(0, 200) } : {} }));
}
