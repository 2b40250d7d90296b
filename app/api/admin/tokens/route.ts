// GET /api/admin/tokens — the API tokens within the caller's admin scope (never their secrets). POST {name, role, scope,
// expiresInDays} — creates one; the answer carries the secret, shown this once.
import { createApiToken, listApiTokens } from "@/lib/auth/api-tokens";
import { withGuard } from "@/lib/auth/guard";
import { jsonBody } from "@/lib/auth/json-body";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store" };

export const GET = withGuard(async (_request, { actor }) => Response.json(await listApiTokens(actor), { headers: noStore }), { permission: "tokens", mutating: false });

export const POST = withGuard(async (request, { actor, address }) => {
  const body = await jsonBody(request);
  const { token, secret } = await createApiToken(actor, body, address);
  return Response.json({ ...token, secret }, { status: 201, headers: noStore });
}, { permission: "tokens", mutating: true });
