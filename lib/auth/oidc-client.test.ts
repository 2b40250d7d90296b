import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestIdp } from "@/e2e/oidc/test-idp";
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET } from "@/e2e/oidc/test-idp-config";
import { parseEnv } from "@/lib/env";
import { oidcConfiguration, signInScopes, startSignIn } from "./oidc-client";

let server: Server;
let issuer = "";

beforeAll(async () => {
  // The provider's issuer must equal its URL, so learn the port first and then mount it.
  const { createServer } = await import("node:http");
  const mounted: { handler?: (req: never, res: never) => void } = {};
  server = createServer((req, res) => mounted.handler?.(req as never, res as never));
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as AddressInfo).port;
  issuer = `http://127.0.0.1:${port}`;
  mounted.handler = createTestIdp(port, "http://127.0.0.1:9/auth/callback").callback() as never;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

const envFor = (over: Record<string, string> = {}) =>
  parseEnv({ INSPECTORATE_OIDC_ISSUER: issuer, INSPECTORATE_OIDC_CLIENT_ID: TEST_CLIENT_ID, INSPECTORATE_OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET, INSPECTORATE_PUBLIC_URL: "http://127.0.0.1:9", ...over });

describe("OpenID Connect relying party", () => {
  it("reads the discovery document and sends the user with PKCE (S256), state and nonce", async () => {
    const { url, attempt } = await startSignIn("/findings", envFor());
    expect(url.origin).toBe(issuer);
    const q = url.searchParams;
    expect(q.get("response_type")).toBe("code");
    expect(q.get("client_id")).toBe(TEST_CLIENT_ID);
    expect(q.get("redirect_uri")).toBe("http://127.0.0.1:9/auth/callback");
    expect(q.get("code_challenge_method")).toBe("S256");
    expect(q.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(q.get("code_challenge")).not.toBe(attempt.verifier);
    expect(q.get("state")).toBe(attempt.state);
    expect(q.get("nonce")).toBe(attempt.nonce);
    // The provider lists offline_access, and groups are rechecked by default: a refresh token is asked for.
    expect(q.get("scope")).toBe("openid email profile offline_access");
    expect(url.href).not.toContain(TEST_CLIENT_SECRET);
  });

  it("asks for offline_access only when groups are rechecked and the provider lists it, and never twice", async () => {
    const { url } = await startSignIn("/", envFor({ INSPECTORATE_OIDC_GROUPS_RECHECK_SECONDS: "0" }));
    expect(url.searchParams.get("scope")).toBe("openid email profile");
    const e = envFor();
    expect(signInScopes(e, ["openid", "email"])).toBe("openid email profile");
    expect(signInScopes(e, undefined)).toBe("openid email profile");
    expect(signInScopes({ ...e, INSPECTORATE_OIDC_SCOPES: "openid  offline_access groups" }, ["openid", "offline_access"])).toBe("openid offline_access groups");
  });

  it("refuses a discovery document whose issuer is not the configured one", async () => {
    const wrong = envFor({ INSPECTORATE_OIDC_ISSUER: issuer.replace("127.0.0.1", "localhost") });
    await expect(oidcConfiguration(wrong, true)).rejects.toThrow(/issuer/i);
  });
});
