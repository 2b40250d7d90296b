// Base credentials from the standard provider chain, then AssumeRole into the delegated-admin
// role. One shared, memoized provider so every regional client reuses one session and it is
// refreshed a few minutes before it expires (never logged anywhere).
import { fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";

export interface RoleSettings {
  roleArn?: string;
  externalId?: string;
  sessionName: string;
  /** Region for the STS call that assumes the role. */
  stsRegion: string;
}

export const REFRESH_BEFORE_EXPIRY_MS = 5 * 60_000;

/** Caches one credentials promise; a new one is fetched when within `refreshBeforeMs` of expiry. */
export function memoizeCredentials(
  provider: AwsCredentialIdentityProvider,
  refreshBeforeMs = REFRESH_BEFORE_EXPIRY_MS,
  now: () => number = Date.now,
): AwsCredentialIdentityProvider {
  let current: Promise<AwsCredentialIdentity> | undefined;
  let expiresAt = Infinity;
  return async () => {
    if (!current || now() >= expiresAt - refreshBeforeMs) {
      const next = provider();
      current = next;
      expiresAt = Infinity;
      try {
        const creds = await next;
        expiresAt = creds.expiration ? creds.expiration.getTime() : Infinity;
        return creds;
      } catch (err) {
        if (current === next) current = undefined; // retry on the next call, don't cache a failure
        throw err;
      }
    }
    return current;
  };
}

/** The credentials every Inspectorate client signs with: the assumed role, or the base chain. */
export function roleCredentials(s: RoleSettings): AwsCredentialIdentityProvider {
  const base = fromNodeProviderChain();
  if (!s.roleArn) return memoizeCredentials(base);
  return memoizeCredentials(
    fromTemporaryCredentials({
      masterCredentials: base,
      params: { RoleArn: s.roleArn, RoleSessionName: s.sessionName, ...(s.externalId ? { ExternalId: s.externalId } : {}) },
      clientConfig: { region: s.stsRegion },
    }),
  );
}
