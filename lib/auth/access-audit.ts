// Role and scope changes go to the audit trail in the caller's transaction: if the audit row
// fails, the change rolls back.
import type { Actor } from "./actor";
import { recordAudit, type Queryable } from "./audit";

export interface AccessChange {
  action: "access.mapping.saved" | "access.mapping.deleted";
  target: string;
  detail: Record<string, unknown>;
  /** The client's address, as the guard read it. */
  address?: string | null;
}

export async function recordAccessChange(tx: Queryable, actor: Actor, change: AccessChange): Promise<void> {
  await recordAudit(tx, { actor: { kind: actor.kind, id: actor.id, name: actor.name }, action: change.action, target: change.target, detail: change.detail, address: change.address ?? null });
}
