// GET /api/alerts/rules — the rules within the caller's admin scope. POST {name, kind, minSeverity, scope, params, channelIds}.
import { alertRules, saveAlertRule } from "@/lib/alerts/app-store";
import { withGuard } from "@/lib/auth/guard";
import { jsonBody } from "@/lib/auth/json-body";

export const dynamic = "force-dynamic";
const noStore = { "cache-control": "no-store" };

export const GET = withGuard(async (_request, { actor }) => Response.json(await alertRules(actor), { headers: noStore }), { permission: "alerts", mutating: false });

export const POST = withGuard(async (request, { actor, address }) => {
  const body = await jsonBody(request);
  return Response.json(await saveAlertRule(actor, body, address), { status: 201, headers: noStore });
}, { permission: "alerts", mutating: true });
