// A real OpenID provider for the browser tests (oidc-provider from npm, its development login
// form: any password). Users and their groups are fixed here; the signed-in app maps the groups.
// Usage: tsx e2e/oidc/test-idp.ts <port> <app callback URL>
import Provider from "oidc-provider";
import { TEST_CLIENT_ID, TEST_CLIENT_SECRET, testIdpUsers } from "./test-idp-config";

export function createTestIdp(port: number, redirectUri: string) {
  const provider = new Provider(`http://127.0.0.1:${port}`, {
    clients: [{
      client_id: TEST_CLIENT_ID,
      client_secret: TEST_CLIENT_SECRET,
      redirect_uris: [redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    }],
    // Groups ride along with "openid", in the userinfo response (Inspectorate falls back to it).
    claims: { openid: ["sub", "groups"], email: ["email", "email_verified"], profile: ["name"] },
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        async claims() {
          return { sub: id, email: `${id}@example.com`, email_verified: true, name: id, groups: testIdpUsers[id] ?? [] };
        },
      };
    },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["e2e-idp-cookie-key"] },
  });
  return provider;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.argv[2]);
  const provider = createTestIdp(port, process.argv[3]);
  provider.listen(port, "127.0.0.1", () => console.log(`test identity provider at http://127.0.0.1:${port}`));
}
