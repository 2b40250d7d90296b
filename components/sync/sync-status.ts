// Reads GET /api/sync defensively: the sync engine answers with its SyncProgress (or wraps it),
// and before its first run with nothing; this turns any of those into one shape for the panel.
import type { SyncProgress } from "@/lib/sync/progress";

export interface SyncStatus {
  running: boolean;
  progress: SyncProgress | null;
}

export function toSyncStatus(body: unknown): SyncStatus {
  const o = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const candidate = (o.progress ?? o.current ?? o.run ?? (o.phase ? o : null)) as SyncProgress | null;
  const progress = candidate && typeof candidate === "object" && "phase" in candidate ? candidate : null;
  const running = typeof o.running === "boolean" ? o.running : !!progress && progress.phase !== "done" && progress.phase !== "failed";
  return { running, progress };
}
