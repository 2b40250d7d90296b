// Checks before any listing: who the assumed role really is, and whether that account is the
// Inspector delegated administrator in each region (it must be, to see the organization).
import { GetDelegatedAdminAccountCommand, type Inspector2Client } from "@aws-sdk/client-inspector2";
import { GetCallerIdentityCommand, type STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { AwsCallError } from "./errors";

export interface CallerIdentity {
  accountId: string;
  arn: string;
}

/** Fetches the role session up front, so a failed AssumeRole is reported as such. */
export async function assumeRole(credentials: AwsCredentialIdentityProvider, roleArn: string | undefined): Promise<void> {
  try {
    await credentials();
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(
      roleArn
        ? `could not assume ${roleArn}: ${why} (check INSPECTORATE_ROLE_ARN, INSPECTORATE_EXTERNAL_ID and that the base credentials may call sts:AssumeRole)`
        : `no AWS credentials: ${why}`,
    );
  }
}

export async function callerIdentity(sts: STSClient): Promise<CallerIdentity> {
  const r = await sts.send(new GetCallerIdentityCommand({}));
  if (!r.Account || !r.Arn) throw new Error("sts:GetCallerIdentity returned no account");
  return { accountId: r.Account, arn: r.Arn };
}

export type AdminCheck =
  /** unconfirmed: AWS's words when it would not say who the delegated admin is (the region is listed anyway). */
  | { ok: true; unconfirmed?: string }
  /** message: why the region is not synced; fromAws: the message is AWS's words (the check itself failed). */
  | { ok: false; kind: "ACCESS_DENIED" | "ERROR"; message: string; fromAws?: true };

/** The message names both accounts, e.g. "role in account A, but the delegated admin in eu-west-1 is B". */
export function adminMismatchMessage(roleAccount: string, region: string, admin: string | undefined): string {
  return admin
    ? `role in account ${roleAccount}, but the delegated admin in ${region} is ${admin}`
    : `role in account ${roleAccount}, but ${region} has no Inspector delegated admin`;
}

export async function checkDelegatedAdmin(client: Inspector2Client, region: string, roleAccount: string): Promise<AdminCheck> {
  try {
    const r = await client.send(new GetDelegatedAdminAccountCommand({}));
    const admin = r.delegatedAdmin?.accountId;
    if (admin === roleAccount) return { ok: true };
    return { ok: false, kind: "ERROR", message: adminMismatchMessage(roleAccount, region, admin) };
  } catch (err) {
    // Without this permission the listing itself tells whether the role can see the organization.
    if (err instanceof AwsCallError && err.kind === "ACCESS_DENIED") return { ok: true, unconfirmed: err.message };
    return { ok: false, kind: "ERROR", message: err instanceof Error ? err.message : String(err), fromAws: true };
  }
}
