// POST /api/sync starts a background sync ({"full"?: boolean}); 202 with its run id, 409 if one
// is already running. GET /api/sync: {running, progress, lastRun} for the Sync page to poll.
import { AppError } from "@/lib/auth/app-error";
import { withGuard } from "@/lib/auth/guard";
import { startSyncRequest } from "@/lib/sync/start-request";
import { startSync } from "@/lib/sync/start-sync";
import { currentSyncStatus, syncStatusForScope } from "@/lib/sync/sync-status";
import { errorForActor, errorsForActor } from "@/lib/auth/error-text";

export const dynamic = "force-dynamic";

// Notes (which name accounts) only for viewers of the whole organization; AWS's error text only for
// admins of the whole organization (lib/auth/error-text.ts), a plain reason for everyone else.
export const GET = withGuard(async (_req, { actor, scope }) => {
  const status = syncStatusForScope(await currentSyncStatus(), scope);
  return Response.json(errorsForActor(status, actor), { headers: { "cache-control": "no-store" } });
}, { permission: "read", mutating: false });

export const POST = withGuard(async (request, { actor, address }) => {
  const text = await request.text();
  let body: unknown = {};
  try {
    if (text.trim()) body = JSON.parse(text);
  } catch {
    throw new AppError("invalid", "the body must be JSON, e.g. {} or {\"full\": true}");
  }
  const parsed = startSyncRequest.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("invalid", `${issue.path.join(".") || "body"}: ${issue.message}`);
  }
  const r = await startSync(parsed.data, { kind: actor.kind, id: actor.id, name: actor.name, address });
  if (r.ok) return Response.json({ started: true, runId: r.runId }, { status: 202 });
  if (r.reason === "already-running") throw new AppError("conflict", r.error);
  // Configuration or AWS trouble: the text for whole-organization admins, a plain reason for everyone else.
  return Response.json({ error: errorForActor(actor, r.error), code: "unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
}, { permission: "sync", mutating: true });
