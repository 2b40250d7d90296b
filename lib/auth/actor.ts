// Who is asking, decided once per request (lib/auth). The contract between sign-in (sessions),
// API tokens and the request guard: every route, page and action receives an Actor, and read
// models receive only actor.scope.
import type { Scope } from "@/lib/queries/scope";

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
  scope: Scope;
}
