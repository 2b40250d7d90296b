// The OpenID Connect relying party (openid-client v6): discovery once per process, the
// authorization URL with PKCE (S256), state and nonce, and the code exchange that checks the
// issuer, audience, signature, state and nonce.
import * as oidc from "openid-client";
import { env, type Env } from "@/lib/env";

export const signInConfigured = (e: Env = env()) => Boolean(e.INSPECTORATE_OIDC_ISSUER);

export const publicUrl = (e: Env = env()) => e.INSPECTORATE_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`;
export const redirectUri = (e: Env = env()) => `${publicUrl(e)}/auth/callback`;

const loopback = (u: URL) => ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname);

let discovered: Promise<oidc.Configuration> | undefined;

/** The issuer's configuration from its discovery document; retried on the next call after a failure. */
export function oidcConfiguration(e: Env = env(), fresh = false): Promise<oidc.Configuration> {
  if (fresh) discovered = undefined;
  discovered ??= (async () => {
    const issuer = new URL(e.INSPECTORATE_OIDC_ISSUER!);
    const secret = e.INSPECTORATE_OIDC_CLIENT_SECRET;
    // Plain http only for an issuer on this machine (tests, a local Keycloak); never across a network.
    const insecure = issuer.protocol === "http:" && loopback(issuer);
    return oidc.discovery(issuer, e.INSPECTORATE_OIDC_CLIENT_ID!, undefined, secret ? oidc.ClientSecretBasic(secret) : oidc.None(), {
      execute: insecure ? [oidc.allowInsecureRequests] : [],
      timeout: 10,
    });
  })().catch((err) => {
    discovered = undefined;
    throw err;
  });
  return discovered;
}

export interface Attempt {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

export async function startSignIn(returnTo: string, e: Env = env()): Promise<{ url: URL; attempt: Attempt }> {
  const config = await oidcConfiguration(e);
  const attempt = { state: oidc.randomState(), nonce: oidc.randomNonce(), verifier: oidc.randomPKCECodeVerifier(), returnTo };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(e),
    scope: signInScopes(e, config.serverMetadata().scopes_supported),
    code_challenge: await oidc.calculatePKCECodeChallenge(attempt.verifier),
    code_challenge_method: "S256",
    state: attempt.state,
    nonce: attempt.nonce,
  });
  return { url, attempt };
}

/**
 * The scopes asked for: the configured ones, plus `offline_access` when groups are rechecked and the
 * provider lists it (Okta, Entra ID, Auth0 and Keycloak give a refresh token only for it).
 */
export function signInScopes(e: Pick<Env, "INSPECTORATE_OIDC_SCOPES" | "INSPECTORATE_OIDC_GROUPS_RECHECK_SECONDS">, supported: string[] | undefined): string {
  const scopes = e.INSPECTORATE_OIDC_SCOPES.split(/\s+/).filter(Boolean);
  if (e.INSPECTORATE_OIDC_GROUPS_RECHECK_SECONDS > 0 && supported?.includes("offline_access") && !scopes.includes("offline_access")) scopes.push("offline_access");
  return scopes.join(" ");
}

export interface Identity {
  issuer: string;
  subject: string;
  email: string | null;
  name: string | null;
  groups: string[];
}

/** Exchanges the code; throws on any failed check. Claims come from the ID token, else userinfo. */
export async function finishSignIn(callbackSearch: string, attempt: Attempt, e: Env = env()): Promise<Identity & { refreshToken: string | null }> {
  const config = await oidcConfiguration(e);
  const tokens = await oidc.authorizationCodeGrant(config, new URL(`${redirectUri(e)}${callbackSearch}`), {
    pkceCodeVerifier: attempt.verifier,
    expectedState: attempt.state,
    expectedNonce: attempt.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims()!;
  return { ...(await identityOf(config, claims, tokens.access_token, e)), refreshToken: tokens.refresh_token ?? null };
}

/**
 * The user's identity as the provider tells it now, through the refresh token given at sign-in; the
 * provider may rotate the token, so the one to keep comes back. Throws the provider's refusal
 * (`oidc.ResponseBodyError`, e.g. invalid_grant for a user removed or disabled), a network failure, or a
 * subject that is not the signed-in one's.
 */
export async function refreshIdentity(refreshToken: string, subject: string, e: Env = env()): Promise<{ identity: Identity; refreshToken: string }> {
  const config = await oidcConfiguration(e);
  const tokens = await oidc.refreshTokenGrant(config, refreshToken);
  const claims = tokens.claims() ?? (await oidc.fetchUserInfo(config, tokens.access_token, subject));
  if (claims.sub !== subject) throw new OtherSubject();
  // An ID token's issuer was checked by the library; userinfo carries none, and it is the same provider.
  const identity = await identityOf(config, { ...claims, iss: (claims as { iss?: string }).iss ?? config.serverMetadata().issuer }, tokens.access_token, e);
  return { identity, refreshToken: tokens.refresh_token ?? refreshToken };
}

/**
 * Asks the provider to drop a refresh token (RFC 7009), when it has a revocation endpoint; false when
 * it has none. Throws when the provider does not answer or refuses.
 */
export async function revokeRefreshToken(refreshToken: string, e: Env = env()): Promise<boolean> {
  const config = await oidcConfiguration(e);
  if (!config.serverMetadata().revocation_endpoint) return false;
  await oidc.tokenRevocation(config, refreshToken, { token_type_hint: "refresh_token" });
  return true;
}

class OtherSubject extends Error {
  constructor() {
    super("the identity provider answered for another subject");
  }
}

/** Why the provider refused a refresh (its own error answer, or another user's), or null when it did not answer at all. */
export function refusalOf(err: unknown): string | null {
  if (err instanceof oidc.ResponseBodyError) return `the identity provider refused the refresh: ${err.error}`;
  return err instanceof OtherSubject ? err.message : null;
}

async function identityOf(config: oidc.Configuration, claims: { iss: string; sub: string; [k: string]: unknown }, accessToken: string, e: Env): Promise<Identity> {
  const claimName = e.INSPECTORATE_OIDC_GROUPS_CLAIM;
  let groups: unknown = claims[claimName];
  let extra: Record<string, unknown> = {};
  // Many providers put only "sub" in the ID token and the rest behind userinfo.
  if ((groups === undefined || !claims.email) && config.serverMetadata().userinfo_endpoint) {
    extra = await oidc.fetchUserInfo(config, accessToken, claims.sub);
    groups ??= extra[claimName];
  }
  const text = (v: unknown) => (typeof v === "string" && v ? v : null);
  return {
    issuer: claims.iss,
    subject: claims.sub,
    email: text(claims.email) ?? text(extra.email),
    name: text(claims.name) ?? text(extra.name) ?? text(claims.preferred_username),
    groups: Array.isArray(groups) ? groups.filter((g): g is string => typeof g === "string") : typeof groups === "string" ? [groups] : [],
  };
}
