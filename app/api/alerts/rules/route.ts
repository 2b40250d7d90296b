// GET /api/alerts/rules — every rule. POST {name, kind, minSeverity, scope, params, channelIds}.
import { createRule, loadRules } from "@/lib/alerts/rule-store";
import { AppError } from "@/lib/auth/app-error";
import { withGuard } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";
const noStore = { "cache-control": "no-store" };

export const GET = withGuard(async () => Response.json(await loadRules(db().pool, true), { headers: noStore }), { permission: "alerts", mutating: false });

export const POST = withGuard(async (request, { actor, address }) => {
  const body = await request.json().catch(() => {
    throw new AppError("invalid", "expected a JSON object");
  });
  return Response.json(await createRule(db().pool, actor, body, address), { status: 201, headers: noStore });
}, { permission: "alerts", mutating: true });
