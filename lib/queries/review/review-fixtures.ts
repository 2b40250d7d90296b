// Test fixtures for the review read models: a fresh database installed as the process-wide one,
// and small insert helpers so each test states exactly the rows it depends on.
import type { TestDatabase } from "@/lib/db/test-database";
import { installTestDatabase, uninstallTestDatabase } from "@/lib/queries/test-fixtures";

export const useReviewDatabase = installTestDatabase;
export const closeReviewDatabase = uninstallTestDatabase;

type Q = { query: TestDatabase["pool"]["query"] };

export async function insertAccount(db: Q, a: { id: string; name?: string; ouName?: string; owner?: string; team?: string }) {
  await db.query(`INSERT INTO accounts (id, name, ou_name, owner, team) VALUES ($1, $2, $3, $4, $5)`, [a.id, a.name ?? null, a.ouName ?? null, a.owner ?? null, a.team ?? null]);
}

export interface FindingFixture {
  arn: string;
  accountId: string;
  severity?: string;
  status?: string;
  firstObservedAt: string;
  closedAt?: string | null;
  vulnerabilityId?: string | null;
  resourceId?: string;
  /** Resources after the primary one. */
  moreResourceIds?: string[];
  relatedVulnerabilities?: string[];
  exploitSince?: string | null;
  title?: string;
}

export async function insertFinding(db: Q, f: FindingFixture) {
  await db.query(
    `INSERT INTO findings (arn, account_id, region, type, title, severity, status, resource_type, resource_id,
       vulnerability_id, finding_key, related_vulnerabilities, first_observed_at, last_observed_at, updated_at, closed_at, exploit_available, exploit_since, raw)
     VALUES ($1, $2, 'us-east-1', 'PACKAGE_VULNERABILITY', $3, $4, $5, 'AWS_EC2_INSTANCE', $6, $7, coalesce($7, 'PACKAGE_VULNERABILITY:' || $3), $12, $8, $8, $8, $9,
       CASE WHEN $10::bool THEN 'YES' ELSE 'NO' END, $11, '{}')`,
    [f.arn, f.accountId, f.title ?? `finding ${f.arn}`, f.severity ?? "CRITICAL", f.status ?? "ACTIVE", f.resourceId ?? `i-${f.arn}`,
      f.vulnerabilityId ?? null, f.firstObservedAt, f.closedAt ?? null, !!f.exploitSince, f.exploitSince ?? null, f.relatedVulnerabilities ?? []],
  );
  await db.query(
    `INSERT INTO finding_other_resources (finding_arn, position, type, resource_id, region)
     SELECT $1, p, 'AWS_EC2_INSTANCE', id, 'us-east-1' FROM unnest($2::text[]) WITH ORDINALITY AS u(id, p)`,
    [f.arn, f.moreResourceIds ?? []],
  );
}

export async function insertException(db: Q, e: { findingArn?: string; vulnerabilityId?: string; resourceIds?: string[]; createdAt: string; expiresAt: string; revokedAt?: string; reason?: string; owner?: string }) {
  const r = await db.query(
    `INSERT INTO risk_exceptions (finding_arn, vulnerability_id, resource_ids, reason, owner, created_at, expires_at, revoked_at, approved_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $6) RETURNING public_id`,
    [e.findingArn ?? null, e.vulnerabilityId ?? null, e.resourceIds ?? [], e.reason ?? "no fix yet", e.owner ?? "sec-team", e.createdAt, e.expiresAt, e.revokedAt ?? null],
  );
  return r.rows[0].public_id as string;
}

export async function insertDaily(db: Q, day: string, accountId: string, severity: string, v: { open?: number; opened?: number; closed?: number }) {
  await db.query(`INSERT INTO daily_snapshots (day, account_id, severity, open, opened, closed) VALUES ($1, $2, $3, $4, $5, $6)`,
    [day, accountId, severity, v.open ?? 0, v.opened ?? 0, v.closed ?? 0]);
}

export async function insertCoverage(db: Q, day: string, accountId: string, scanType: string, active: number, inactive: number) {
  await db.query(`INSERT INTO coverage_snapshots (day, account_id, scan_type, active, inactive) VALUES ($1, $2, $3, $4, $5)`, [day, accountId, scanType, active, inactive]);
}

/** An instant `ms` before now, but not before today's midnight (UTC): a run "an hour ago" on a test
 *  run at 00:06 finished yesterday, a day the fixtures' snapshots may not cover. */
export const earlierToday = (ms: number) => new Date(Math.max(Date.now() - ms, Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`))).toISOString();

/** A finished sync run: what makes a day "observed" for the review. */
export async function insertRun(db: Q, finishedAt: string, outcome = "SUCCEEDED") {
  await db.query(`INSERT INTO sync_runs (trigger, started_at, finished_at, outcome) VALUES ('test', $1::timestamptz - interval '5 minutes', $1, $2)`, [finishedAt, outcome]);
}

export async function insertEvent(db: Q, arn: string, at: string, from: string, to: string, kind = "STATUS") {
  await db.query(`INSERT INTO finding_events (finding_arn, at, kind, from_value, to_value) VALUES ($1, $2, $3, $4, $5)`, [arn, at, kind, from, to]);
}

/** The finding's resource as coverage lists it: ACTIVE means still there and scanned. */
export async function insertCovered(db: Q, accountId: string, resourceId: string, code = "ACTIVE") {
  await db.query(`INSERT INTO covered_resources (account_id, region, resource_type, resource_id, scan_type, scan_status_code)
    VALUES ($1, 'us-east-1', 'AWS_EC2_INSTANCE', $2, 'PACKAGE', $3)`, [accountId, resourceId, code]);
}

/** What a test passes as the author of a write until the request guard provides one. */
export const testActor = { kind: "local", id: "local", name: "local admin", role: "admin", scope: { accountIds: "all" } } as const;
