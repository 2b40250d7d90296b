// GET /api/alerts/channels — the channels (summary only, never a secret). POST {name, config:
// {kind, …}} — saves one, its secret sealed; the answer has no secret either.
import { alertChannels, saveAlertChannel } from "@/lib/alerts/app-store";
import { AppError } from "@/lib/auth/app-error";
import { withGuard } from "@/lib/auth/guard";
import { ConfigError } from "@/lib/env";

export const dynamic = "force-dynamic";
const noStore = { "cache-control": "no-store" };

export const GET = withGuard(async () => Response.json(await alertChannels(), { headers: noStore }), { permission: "alerts", mutating: false });

export const POST = withGuard(async (request, { actor, address }) => {
  const body = await request.json().catch(() => {
    throw new AppError("invalid", "expected a JSON object");
  });
  try {
    return Response.json(await saveAlertChannel(actor, body, address), { status: 201, headers: noStore });
  } catch (err) {
    if (err instanceof ConfigError) return Response.json({ code: "config", error: err.message }, { status: 503, headers: noStore });
    throw err;
  }
}, { permission: "alerts", mutating: true });
