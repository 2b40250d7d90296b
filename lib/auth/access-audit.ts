// Role and scope changes, recorded in the caller's transaction. Until the request guard's audit
// table (recordAudit(tx, …)) is merged, the record is one log line; the call sites and the
// transaction boundary are already where the audit row belongs.
import type pg from "pg";
import { log } from "@/lib/ops/logger";
import type { Actor } from "./actor";

export interface AccessChange {
  action: "access.mapping.saved" | "access.mapping.deleted";
  target: string;
  detail: Record<string, unknown>;
}

export async function recordAccessChange(_tx: pg.PoolClient, actor: Actor, change: AccessChange): Promise<void> {
  log().info({ component: "audit", action: change.action, target: change.target, actor: actor.name, detail: change.detail }, change.action);
}
