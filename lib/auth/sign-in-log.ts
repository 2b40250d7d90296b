// One line per sign-in outcome for the server log: who and what happened, never a token, code,
// cookie or secret. The audit trail (the request guard's recordAudit) takes these over once merged.
export type SignInOutcome = "signed_in" | "no_role" | "failed" | "rate_limited" | "signed_out";

export function logSignIn(outcome: SignInOutcome, detail: { user?: string | null; address: string; reason?: string }) {
  const reason = detail.reason ? ` reason=${JSON.stringify(detail.reason.slice(0, 120))}` : "";
  console.info(`inspectorate: sign-in ${outcome} user=${JSON.stringify(detail.user ?? "-")} from=${detail.address}${reason}`);
}
