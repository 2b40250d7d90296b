// POST /api/sync starts a background sync ({"full"?: boolean}); 202 with its run id, 409 if one
// is already running. GET /api/sync: {running, progress, lastRun} for the Sync page to poll.
import { startSyncRequest } from "@/lib/sync/start-request";
import { startSync } from "@/lib/sync/start-sync";
import { currentSyncStatus } from "@/lib/sync/sync-status";

export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(await currentSyncStatus(), { headers: { "cache-control": "no-store" } });
}

export async function POST(request: Request) {
  const text = await request.text();
  let body: unknown = {};
  try {
    if (text.trim()) body = JSON.parse(text);
  } catch {
    return Response.json({ error: "the body must be JSON, e.g. {} or {\"full\": true}" }, { status: 400 });
  }
  const parsed = startSyncRequest.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return Response.json({ error: `${issue.path.join(".") || "body"}: ${issue.message}` }, { status: 400 });
  }
  const r = await startSync(parsed.data);
  if (r.ok) return Response.json({ started: true, runId: r.runId }, { status: 202 });
  return Response.json({ error: r.error }, { status: r.reason === "already-running" ? 409 : 500 });
}
