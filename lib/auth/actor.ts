// Who is asking, decided once per request (lib/auth). The contract between sign-in (sessions),
// API tokens and the request guard: every route, page and action receives an Actor, and read
// models receive only actor.scope.
import type { Scope } from "@/lib/queries/scope";
import type { Permission } from "./permissions";

export const roles = ["viewer", "analyst", "admin"] as const;
export type Role = (typeof roles)[number];

export type ActorKind = "local" | "user" | "token";

export interface Actor {
  kind: ActorKind;
  /** Stable id: the user's id, the token's id, or "local". */
  id: string;
  /** What the audit trail and the UI show: email or name, token name, "local admin". */
  name: string;
  role: Role;
  /** What the actor may read: for a user, the union of every group's scope. */
  scope: Scope;
  /**
   * Set only for a user whose groups have different roles: each permission of `role` → the accounts
   * of only the groups that grant it (lib/auth/group-map.ts). The guard acts with that scope
   * (actingAs), so "analyst for OU Payments" + "viewer of everything" writes in Payments only.
   */
  permissionScopes?: Partial<Record<Permission, Scope>>;
}
