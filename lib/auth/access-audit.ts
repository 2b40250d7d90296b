// Role and scope changes, recorded in the caller's transaction: the audit row and the change
// commit together (lib/auth/audit.ts).
import type pg from "pg";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";

export interface AccessChange {
  action: "access.mapping.saved" | "access.mapping.deleted";
  target: string;
  detail: Record<string, unknown>;
}

export async function recordAccessChange(tx: pg.PoolClient, actor: Actor, change: AccessChange): Promise<void> {
  await recordAudit(tx, { actor, action: change.action, target: change.target, detail: change.detail });
}
