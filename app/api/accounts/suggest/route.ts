// GET /api/accounts/suggest?q=…: up to 20 accounts in the caller's scope matching what was typed
// (id prefix or part of the name), for the account pickers; 400 names a bad q.
import { withGuard } from "@/lib/auth/guard";
import { accountQuerySchema, suggestAccounts } from "@/lib/queries/accounts/account-suggestions";
import { invalidFilterResponse } from "@/app/api/findings/invalid-filter";

export const dynamic = "force-dynamic";

export const GET = withGuard(async (request, { scope }) => {
  const parsed = accountQuerySchema.safeParse(new URL(request.url).searchParams.get("q") ?? "");
  if (!parsed.success) return invalidFilterResponse(parsed.error.issues.map((i) => ({ field: "q", message: i.message })));
  return Response.json({ accounts: await suggestAccounts(scope, parsed.data) }, { headers: { "cache-control": "no-store" } });
}, { permission: "read", mutating: false });
