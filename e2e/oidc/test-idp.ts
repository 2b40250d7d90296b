// A real OpenID provider for the browser tests (oidc-provider from npm, its development login
// form: any password). Users and their groups are fixed here; the signed-in app maps the groups.
// It issues refresh tokens, and a test may change a user's groups or disable them as an admin would in
// the provider (POST /test-control/users/<login> {"groups": [...]} or {"disabled": true}).
// Usage: tsx e2e/oidc/test-idp.ts <port> <app callback URL>
import Provider from "oidc-provider";
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, testIdpUsers } from "./test-idp-config";

export function createTestIdp(port: number, redirectUri: string) {
  const groups = new Map(Object.entries(testIdpUsers));
  const disabled = new Set<string>();
  const provider = new Provider(`http://127.0.0.1:${port}`, {
    clients: [{
      client_id: TEST_CLIENT_ID,
      client_secret: TEST_CLIENT_SECRET,
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    }],
    // Groups ride along with "openid", in the userinfo response (Inspectorate falls back to it).
    claims: { openid: ["sub", "groups"], email: ["email", "email_verified"], profile: ["name"] },
    async findAccount(_ctx, id) {
      // A disabled user is unknown to the provider: a refresh for them is refused (invalid_grant).
      if (disabled.has(id)) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: `${id}@example.com`, email_verified: true, name: id, groups: groups.get(id) ?? [] };
        },
      };
    },
    // A refresh token with every code, as Keycloak and many providers give (oidc-provider's own default
    // wants offline_access with prompt=consent).
    async issueRefreshToken(_ctx, client) {
      return client.grantTypeAllowed("refresh_token");
    },
    features: { devInteractions: { enabled: true }, revocation: { enabled: true } },
    cookies: { keys: ["e2e-idp-cookie-key"] },
  });
  provider.use(async (ctx, next) => {
    const user = /^\/test-control\/users\/([\w.-]+)$/.exec(ctx.path)?.[1];
    if (!user || ctx.method !== "POST") return next();
    let body = "";
    for await (const chunk of ctx.req) body += chunk;
    const change = JSON.parse(body) as { groups?: string[]; disabled?: boolean };
    if (change.groups) groups.set(user, change.groups);
    if (change.disabled === true) disabled.add(user);
    if (change.disabled === false) disabled.delete(user);
    ctx.body = { user, groups: groups.get(user) ?? [], disabled: disabled.has(user) };
  });
  return provider;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2]);
  const provider = createTestIdp(port, process.argv[3]);
  provider.listen(port, "127.0.0.1", () => console.log(`test identity provider at http://127.0.0.1:${port}`));
}
