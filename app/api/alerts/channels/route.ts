// GET /api/alerts/channels — the channels (summary only, never a secret). POST {name, config:
// {kind, …}} — saves one, its secret sealed; the answer has no secret either.
import { alertChannels, saveAlertChannel } from "@/lib/alerts/app-store";
import { withGuard } from "@/lib/auth/guard";
import { jsonBody } from "@/lib/auth/json-body";
import { ConfigError } from "@/lib/env";

export const dynamic = "force-dynamic";
const noStore = { "cache-control": "no-store" };

export const GET = withGuard(async () => Response.json(await alertChannels(), { headers: noStore }), { permission: "alerts", mutating: false });

export const POST = withGuard(async (request, { actor, address }) => {
  const body = await jsonBody(request);
  try {
    return Response.json(await saveAlertChannel(actor, body, address), { status: 201, headers: noStore });
  } catch (err) {
    if (err instanceof ConfigError) return Response.json({ code: "config", error: err.message }, { status: 503, headers: noStore });
    throw err;
  }
}, { permission: "alerts", mutating: true });
