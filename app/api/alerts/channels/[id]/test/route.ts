// POST /api/alerts/channels/:id/test {} — sends a test message now; answers whether it arrived
// and, if not, why (also in the delivery log).
import { appUrl, outboundPolicy } from "@/lib/alerts/outbound-policy";
import { sendTest } from "@/lib/alerts/send-test";
import { withGuard } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export const POST = withGuard<{ params: Promise<{ id: string }> }>(async (_request, { actor, address }, route) => {
  const { id } = await route.params;
  const r = await sendTest(db().pool, actor, id, appUrl(), outboundPolicy(), address);
  return Response.json(r, { status: r.ok ? 200 : 502, headers: { "cache-control": "no-store" } });
}, { permission: "alerts", mutating: true });
