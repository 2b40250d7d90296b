import { createHash } from "node:crypto";
import { ApiError, invalid } from "../http/errors";
import { decodeToken, encodeToken, maxResults, oneOf, type Body } from "../inspector/params";
import { ENABLED, type World } from "../world/types";

// CIS benchmark scans of EC2 instances: a weekly level-1 scan configuration, its last two runs
// in every region, and per check and account the failed/passed/skipped counts. Deterministic.

const CHECKS = [
  ["1.1.1.1", "Ensure mounting of cramfs filesystems is disabled"], ["1.4.1", "Ensure permissions on bootloader config are configured"],
  ["3.3.1", "Ensure source routed packets are not accepted"], ["4.1.1.1", "Ensure auditd is installed"],
  ["5.2.4", "Ensure SSH access is limited"], ["5.2.10", "Ensure SSH root login is disabled"],
  ["5.4.1.1", "Ensure password expiration is 365 days or less"], ["6.1.10", "Ensure no world writable files exist"],
] as const;
const DAY = 86400;
const h = (s: string) => createHash("sha256").update(s).digest();

function scans(w: World, region: number) {
  const r = w.regions[region], admin = w.accounts[w.adminIndex].id, R = w.regions.length;
  const accountIds = w.accounts.filter((a) => a.relationship === "ENABLED" && a.orgState !== "LEFT" && w.arState[a.index * R + region] === ENABLED).map((a) => a.id);
  const cfg = `arn:aws:inspector2:${r}:${admin}:owner/${admin}/cis-configuration/${h(`${w.seed}/cis`).toString("hex").slice(0, 8)}`;
  return [1, 8].map((ago) => ({
    scanArn: `arn:aws:inspector2:${r}:${admin}:owner/${admin}/cis-scan/${h(`${w.seed}/${r}/${ago}`).toString("hex").slice(0, 12)}`,
    scanConfigurationArn: cfg, scanName: "weekly-cis-level1", status: "COMPLETED", scanDate: w.start - ago * DAY,
    scheduledBy: admin, securityLevel: "LEVEL_1", targets: { accountIds, targetResourceTags: {} }, ago,
  }));
}

function checks(w: World, scan: ReturnType<typeof scans>[number]) {
  return scan.targets.accountIds.flatMap((accountId) => CHECKS.map(([checkId, title]) => {
    const b = h(`${w.seed}/${scan.scanArn}/${accountId}/${checkId}`);
    const instances = 1 + (b[0] % 6), failed = b[1] % 4 === 0 ? 1 + (b[2] % instances) : 0;
    return { scanArn: scan.scanArn, checkId, title, checkDescription: title, level: "LEVEL_1", accountId, platform: "AMAZON_LINUX_2", statusCounts: { failed, passed: instances - failed, skipped: 0 } };
  }));
}

function page<T>(items: T[], body: Body) {
  const size = maxResults(body, 100), o = decodeToken(body)?.o ?? 0;
  return { items: items.slice(o, o + size), ...(o + size < items.length ? { nextToken: encodeToken({ o: o + size }) } : {}) };
}

export function listCisScans(w: World, region: number, body: Body) {
  oneOf(body, "detailLevel", ["ORGANIZATION", "MEMBER"] as const);
  oneOf(body, "sortBy", ["STATUS", "SCHEDULED_BY", "SCAN_START_DATE", "FAILED_CHECKS"] as const);
  const desc = (oneOf(body, "sortOrder", ["ASC", "DESC"] as const) ?? "DESC") === "DESC";
  const all = scans(w, region).map(({ ago: _a, ...s }) => ({ ...s, failedChecks: checks(w, { ...s, ago: _a }).filter((c) => c.statusCounts.failed > 0).length, totalChecks: CHECKS.length * s.targets.accountIds.length }));
  all.sort((a, b) => (desc ? b.scanDate - a.scanDate : a.scanDate - b.scanDate));
  const { items, nextToken } = page(all, body);
  return { scans: items, ...(nextToken ? { nextToken } : {}) };
}

export function listCisScanResultsAggregatedByChecks(w: World, region: number, body: Body) {
  if (typeof body.scanArn !== "string" || !body.scanArn) throw invalid("scanArn", "Member must not be null");
  const scan = scans(w, region).find((s) => s.scanArn === body.scanArn);
  if (!scan) throw new ApiError(404, "ResourceNotFoundException", `CIS scan ${body.scanArn} was not found.`);
  const { items, nextToken } = page(checks(w, scan), body);
  return { checkAggregations: items, ...(nextToken ? { nextToken } : {}) };
}
