// GET /api/accounts/suggest?q=…: up to 20 accounts in the caller's scope matching what was typed
// (id prefix or part of the name), for the explorer's account picker; 400 names a bad q.
import { withGuard } from "@/lib/auth/guard";
import { accountQuerySchema, suggestAccounts } from "@/lib/queries/accounts/account-suggestions";

export const dynamic = "force-dynamic";

export const GET = withGuard(async (request, { scope }) => {
  const parsed = accountQuerySchema.safeParse(new URL(request.url).searchParams.get("q") ?? "");
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "invalid";
    return Response.json({ error: `Invalid q: ${message}`, issues: [{ field: "q", message }] }, { status: 400 });
  }
  return Response.json({ accounts: await suggestAccounts(scope, parsed.data) }, { headers: { "cache-control": "no-store" } });
}, { permission: "read", mutating: false });
