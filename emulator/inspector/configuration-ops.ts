import { invalid } from "../http/errors";
import type { World } from "../world/types";
import type { Body } from "./params";

// GetConfiguration: the ECR re-scan setting (and EC2 scan mode) of the organization in a region.
// Deterministic per region, so a demo shows both pull-date modes side by side.

const RESCAN = [
  { rescanDuration: "DAYS_90", pullDateRescanDuration: "DAYS_30", pullDateRescanMode: "LAST_IN_USE_AT" },
  { rescanDuration: "LIFETIME", pullDateRescanDuration: "DAYS_90", pullDateRescanMode: "LAST_PULL_DATE" },
  { rescanDuration: "DAYS_180", pullDateRescanDuration: "DAYS_14", pullDateRescanMode: "LAST_PULL_DATE" },
] as const;

export function getConfiguration(w: World, region: number, body: Body) {
  const id = body.accountId;
  if (id !== undefined && (typeof id !== "string" || !/^\d{12}$/.test(id))) throw invalid("accountId", "Member must satisfy regular expression pattern: \\d{12}");
  const r = RESCAN[region % RESCAN.length];
  return {
    ecrConfiguration: { rescanDurationState: { ...r, status: "SUCCESS", updatedAt: w.start - 30 * 86400 } },
    ec2Configuration: { scanModeState: { scanMode: region % 2 ? "EC2_SSM_AGENT_BASED" : "EC2_HYBRID", scanModeStatus: "SUCCESS" } },
  };
}
