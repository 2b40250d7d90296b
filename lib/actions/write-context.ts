// What every write takes (openstatus-style verbs): who, within which scope, from where, and an
// optional clock. The scope comes from the actor; the verbs refuse what lies outside it.
import type { Actor } from "@/lib/auth/actor";
import type { FieldIssue } from "@/lib/review/exception-input";
import type { Scope } from "@/lib/queries/scope";

export interface WriteContext {
  actor: Actor;
  address?: string | null;
  now?: Date;
}

export type Refusal = { ok: false; status: 400 | 403 | 404 | 409; issues: FieldIssue[] };

export const refuse = (status: Refusal["status"], field: string, message: string): Refusal => ({ ok: false, status, issues: [{ field, message }] });

/** [$all, $ids] parameters for `($n::boolean OR account_id = ANY($n+1::text[]))`. */
export function scopeParams(scope: Scope): [boolean, string[]] {
  return scope.accountIds === "all" ? [true, []] : [false, scope.accountIds];
}
