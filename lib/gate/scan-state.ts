// Inspector's coverage row for an artifact, as the gate reads it: complete, still pending, or not
// scanned at all (disabled, excluded, unsupported). No coverage row at all is "unknown".
import type { ScanState } from "./types";

const PENDING = new Set(["PENDING_INITIAL_SCAN", "SCAN_IN_PROGRESS", "PENDING_REVIVAL_SCAN"]);

export function scanStateOf(row: { statusCode: string; reason: string | null; lastScannedAt: Date | null } | null): ScanState {
  if (!row) return { state: "unknown", reason: "no coverage record: never pushed, never synced, or not in Inspector's scope" };
  const reason = row.reason ?? "UNKNOWN";
  if (PENDING.has(reason)) return { state: "pending", reason };
  if (row.statusCode !== "ACTIVE") return { state: "disabled", reason };
  if (!row.lastScannedAt && reason !== "SUCCESSFUL") return { state: "pending", reason };
  return { state: "complete", lastScannedAt: row.lastScannedAt };
}
