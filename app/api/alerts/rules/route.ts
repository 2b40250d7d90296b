// GET /api/alerts/rules — the rules within the caller's admin scope. POST {name, kind, minSeverity, scope, params, channelIds}.
import { alertRules, saveAlertRule } from "@/lib/alerts/app-store";
import { AppError } from "@/lib/auth/app-error";
import { withGuard } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";
const noStore = { "cache-control": "no-store" };

export const GET = withGuard(async (_request, { actor }) => Response.json(await alertRules(actor), { headers: noStore }), { permission: "alerts", mutating: false });

export const POST = withGuard(async (request, { actor, address }) => {
  const body = await request.json().catch(() => {
    throw new AppError("invalid", "expected a JSON object");
  });
  return Response.json(await saveAlertRule(actor, body, address), { status: 201, headers: noStore });
}, { permission: "alerts", mutating: true });
