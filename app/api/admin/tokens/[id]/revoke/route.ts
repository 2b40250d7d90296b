// POST /api/admin/tokens/:id/revoke — the token stops working at once.
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { withGuard } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

type Route = { params: Promise<{ id: string }> };

export const POST = withGuard<Route>(async (_request, { actor, address }, route) => {
  const token = await revokeApiToken(actor, (await route.params).id, address);
  return Response.json({ id: token.id, revoked: true }, { headers: { "cache-control": "no-store" } });
}, { permission: "tokens", mutating: true });
