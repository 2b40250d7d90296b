// One audit row and one log line per sign-in outcome: who and what happened, never a token,
// code, cookie or secret. A failing audit write is logged, never shown to the person signing in.
import { db } from "@/lib/db/client";
import { log } from "@/lib/ops/logger";
import { recordAudit, type AuditAction } from "./audit";

export type SignInOutcome = "signed_in" | "no_role" | "failed" | "rate_limited" | "signed_out" | "provider_unreachable" | "groups_changed" | "ended_by_provider";

const actions: Record<SignInOutcome, AuditAction> = {
  signed_in: "sign_in.succeeded", no_role: "sign_in.no_role", failed: "sign_in.failed",
  rate_limited: "sign_in.rate_limited", signed_out: "sign_out", provider_unreachable: "sign_in.failed",
  groups_changed: "sign_in.groups_changed", ended_by_provider: "sign_in.ended_by_provider",
};

export async function logSignIn(outcome: SignInOutcome, detail: { user?: string | null; userId?: string | null; address: string; reason?: string }) {
  const reason = detail.reason?.slice(0, 160);
  const line = { component: "sign-in", outcome, user: detail.user ?? null, address: detail.address, reason };
  if (outcome === "signed_in" || outcome === "signed_out" || outcome === "groups_changed") log().info(line, `sign-in ${outcome}`);
  else log().warn(line, `sign-in ${outcome}`);
  const actor = detail.userId ? { kind: "user" as const, id: detail.userId, name: detail.user ?? detail.userId } : { kind: "system" as const, id: null, name: detail.user ?? "anonymous" };
  await recordAudit(db().pool, { actor, action: actions[outcome], detail: reason ? { reason } : {}, address: detail.address }).catch((err) =>
    log().error({ component: "sign-in", err }, "could not write the sign-in audit row"),
  );
}
