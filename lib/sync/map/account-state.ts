// BatchGetAccountStatus → the per-region Inspector state columns of account_regions.
import type { AccountState, FailedAccount } from "@aws-sdk/client-inspector2";

export interface AccountRegionState {
  accountId: string;
  inspectorStatus: string | null;
  ec2Status: string | null;
  ecrStatus: string | null;
  lambdaStatus: string | null;
  lambdaCodeStatus: string | null;
  codeRepositoryStatus?: string | null;
  error: string | null;
}

export function fromAccountState(a: AccountState): AccountRegionState {
  const rs = a.resourceState;
  return {
    accountId: a.accountId ?? "",
    inspectorStatus: a.state?.status ?? null,
    ec2Status: rs?.ec2?.status ?? null,
    ecrStatus: rs?.ecr?.status ?? null,
    lambdaStatus: rs?.lambda?.status ?? null,
    lambdaCodeStatus: rs?.lambdaCode?.status ?? null,
    codeRepositoryStatus: rs?.codeRepository?.status ?? null,
    error: a.state?.status && a.state.status !== "ENABLED" ? (a.state.errorMessage ?? null) : null,
  };
}

export function fromFailedAccount(f: FailedAccount): AccountRegionState {
  const rs = f.resourceStatus;
  return {
    accountId: f.accountId ?? "",
    inspectorStatus: f.status ?? null,
    ec2Status: rs?.ec2 ?? null,
    ecrStatus: rs?.ecr ?? null,
    lambdaStatus: rs?.lambda ?? null,
    lambdaCodeStatus: rs?.lambdaCode ?? null,
    codeRepositoryStatus: rs?.codeRepository ?? null,
    error: `${f.errorCode ?? "ERROR"}: ${f.errorMessage ?? "status unavailable"}`,
  };
}

/** Can the delegated admin expect findings from this account in this region? */
export function inspectorEnabled(s: AccountRegionState | undefined, relationship: string | undefined): { ok: boolean; why?: string } {
  if (relationship && relationship !== "ENABLED" && relationship !== "SELF") return { ok: false, why: `not an associated member (relationship ${relationship})` };
  if (!s) return { ok: false, why: "no Inspector status returned" };
  if (s.inspectorStatus !== "ENABLED") return { ok: false, why: s.error ?? `Inspector is ${s.inspectorStatus ?? "unknown"}` };
  return { ok: true };
}
