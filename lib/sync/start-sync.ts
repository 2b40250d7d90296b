// Starting a background run on request ("Sync now", POST /api/sync), with the answers the UI
// shows: started (run id), refused because one is running, or not possible (config).
import { ConfigError } from "@/lib/env";
import { launchSync } from "./background";
import { SyncAlreadyRunningError, type StartedBy } from "./run/run-record";
import { syncConfigFromEnv } from "./sync-config";
import type { StartSyncRequest } from "./start-request";

export type StartSyncResult =
  | { ok: true; runId: number }
  | { ok: false; reason: "already-running" | "config" | "error"; error: string };

export async function startSync(req: StartSyncRequest, startedBy?: StartedBy): Promise<StartSyncResult> {
  try {
    const config = syncConfigFromEnv();
    const { started } = launchSync({ trigger: config.demo ? "demo" : "manual", full: req.full, config, startedBy });
    return { ok: true, runId: await started };
  } catch (err) {
    if (err instanceof SyncAlreadyRunningError) return { ok: false, reason: "already-running", error: `${err.message}; wait for it to finish` };
    if (err instanceof ConfigError) return { ok: false, reason: "config", error: `configuration: ${err.message}` };
    return { ok: false, reason: "error", error: err instanceof Error ? err.message : String(err) };
  }
}
