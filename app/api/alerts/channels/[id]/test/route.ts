// POST /api/alerts/channels/:id/test {} — sends a test message now; answers whether it arrived
// and, if not, why (also in the delivery log).
import { sendAlertTest } from "@/lib/alerts/app-store";
import { withGuard } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

export const POST = withGuard<{ params: Promise<{ id: string }> }>(async (_request, { actor, address }, route) => {
  const { id } = await route.params;
  const r = await sendAlertTest(actor, id, address);
  return Response.json(r, { status: r.ok ? 200 : 502, headers: { "cache-control": "no-store" } });
}, { permission: "alerts", mutating: true });
