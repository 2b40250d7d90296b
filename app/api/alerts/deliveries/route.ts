// GET /api/alerts/deliveries?limit=200 — the delivery log, newest first (a scoped admin: their rules' digests only).
import { z } from "zod";
import { alertDeliveries } from "@/lib/alerts/app-store";
import { AppError } from "@/lib/auth/app-error";
import { withGuard } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";
const query = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) });

export const GET = withGuard(async (request, { actor }) => {
  const q = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) throw new AppError("invalid", `limit: ${q.error.issues[0].message}`);
  return Response.json(await alertDeliveries(actor, q.data.limit), { headers: { "cache-control": "no-store" } });
}, { permission: "alerts", mutating: false });
