"use server";
// "Sync now" as a server action: starts a background run (same rules as POST /api/sync) and
// answers with its id, or why it could not start (one is already running, configuration).
import { errorForActor } from "@/lib/auth/error-text";
import { actionError, guardAction } from "@/lib/auth/guard-action";
import { startSyncRequest } from "@/lib/sync/start-request";
import { startSync, type StartSyncResult } from "@/lib/sync/start-sync";

export type SyncNowResult = StartSyncResult;

export async function syncNow(input: unknown = {}): Promise<SyncNowResult> {
  const raw = input instanceof FormData ? { ...(input.get("full") ? { full: input.get("full") === "true" || input.get("full") === "1" } : {}) } : input;
  const parsed = startSyncRequest.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, reason: "error", error: `invalid request: ${parsed.error.issues[0].message}` };
  let guard;
  try {
    guard = await guardAction("sync", input instanceof FormData ? input : null);
  } catch (err) {
    return { ok: false, reason: "error", error: actionError(err) };
  }
  const { actor, address } = guard;
  const r = await startSync(parsed.data, { kind: actor.kind, id: actor.id, name: actor.name, address });
  return r.ok ? r : { ...r, error: errorForActor(actor, r.error) ?? r.error };
}
