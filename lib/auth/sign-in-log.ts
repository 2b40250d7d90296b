// One log line per sign-in outcome: who and what happened, never a token, code, cookie or secret.
// The audit trail (the request guard's recordAudit) takes these over once merged.
import { log } from "@/lib/ops/logger";

export type SignInOutcome = "signed_in" | "no_role" | "failed" | "rate_limited" | "signed_out" | "provider_unreachable";

export function logSignIn(outcome: SignInOutcome, detail: { user?: string | null; address: string; reason?: string }) {
  const line = { component: "sign-in", outcome, user: detail.user ?? null, address: detail.address, reason: detail.reason?.slice(0, 160) };
  if (outcome === "signed_in" || outcome === "signed_out") log().info(line, `sign-in ${outcome}`);
  else log().warn(line, `sign-in ${outcome}`);
}
