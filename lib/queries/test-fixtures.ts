// Test-data builder for read-model tests: a fresh migrated database installed as the process
// database (what db() returns), and insert helpers with defaults so a test states only what matters.
import { afterAll, beforeAll } from "vitest";
import type { Database } from "@/lib/db/client";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";

const holder = globalThis as { __inspectorateDb?: Database; __inspectorateReadDb?: Database; __inspectorateOverviewMemo?: unknown; __inspectorateExplorerMemo?: unknown };

/** Another database is other data: the memos (sync-version.ts) start empty, since version strings
 *  such as a first run's repeat from one test database to the next. */
function forgetMemos() {
  delete holder.__inspectorateOverviewMemo;
  delete holder.__inspectorateExplorerMemo;
}

/** A fresh migrated database, installed as what db() returns. */
export async function installTestDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  holder.__inspectorateDb = database;
  forgetMemos();
  return database;
}

export async function uninstallTestDatabase(database: TestDatabase | undefined): Promise<void> {
  if (holder.__inspectorateDb === database) delete holder.__inspectorateDb;
  if (holder.__inspectorateReadDb === database) delete holder.__inspectorateReadDb;
  forgetMemos();
  await database?.close();
}

/** A second fresh migrated database, installed as what readDb() returns: a read replica whose
 *  contents the test controls (a lagging or diverging copy), on the same flavour as the primary. */
export async function installTestReplica(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  holder.__inspectorateReadDb = database;
  return database;
}

/** Like setupQueryTestDatabase, with a replica beside the primary. */
export function setupReplicaTestDatabases(): () => { primary: TestDatabase; replica: TestDatabase } {
  let pair: { primary: TestDatabase; replica: TestDatabase } | undefined;
  beforeAll(async () => {
    pair = { primary: await installTestDatabase(), replica: await installTestReplica() };
  });
  afterAll(async () => {
    await uninstallTestDatabase(pair?.replica);
    await uninstallTestDatabase(pair?.primary);
  });
  return () => {
    if (!pair) throw new Error("test databases not ready: call inside a test or beforeAll");
    return pair;
  };
}

/** Call at the top of a test file; returns a getter for the database created in beforeAll. */
export function setupQueryTestDatabase(): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await installTestDatabase();
  });
  afterAll(() => uninstallTestDatabase(database));
  return () => {
    if (!database) throw new Error("test database not ready: call inside a test or beforeAll");
    return database;
  };
}

const jsonColumns = new Set(["raw", "resource_tags", "tags", "metadata", "notes", "progress", "checks", "cache_counts", "api_counts"]);

async function insert(database: Database, table: string, row: Record<string, unknown>) {
  const keys = Object.keys(row);
  const values = keys.map((k) => (jsonColumns.has(k) && row[k] !== null ? JSON.stringify(row[k]) : row[k]));
  // Table and column names come from this file, never from input.
  await database.pool.query(`INSERT INTO ${table} (${keys.join(", ")}) VALUES (${keys.map((_, i) => `$${i + 1}`).join(", ")})`, values);
}

export const daysAgo = (n: number, from = Date.now()) => new Date(from - n * 86_400_000);

export async function addAccount(database: Database, id: string, extra: Record<string, unknown> = {}) {
  await insert(database, "accounts", { id, name: `acct-${id.slice(-4)}`, ou_name: "Workloads", owner: "team-a@example.com", ...extra });
}

export async function addAccountRegion(database: Database, accountId: string, region: string, extra: Record<string, unknown> = {}) {
  await insert(database, "account_regions", {
    account_id: accountId, region, relationship_status: "ENABLED", inspector_status: "ENABLED", ec2_status: "ENABLED", ecr_status: "ENABLED",
    lambda_status: "ENABLED", lambda_code_status: "ENABLED", sync_status: "OK", last_synced_at: new Date(), ...extra,
  });
}

let findingSeq = 0;

export interface FindingSeed {
  arn?: string;
  account_id: string;
  region?: string;
  severity?: string;
  status?: string;
  type?: string;
  inspector_score?: number | null;
  epss_score?: number | null;
  /** true/false as YES/NO; null = not applicable. */
  exploit_available?: boolean | "YES" | "NO" | null;
  exploit_since_source?: string | null;
  finding_key?: string;
  related_vulnerabilities?: string[];
  /** Resources after the primary one (positions 1…) in finding_other_resources. */
  more_resources?: { type?: string; id: string; name?: string | null; tags?: Record<string, string> }[];
  fix_available?: string | null;
  vulnerability_id?: string | null;
  package_names?: string[];
  packages?: unknown[];
  resource_type?: string;
  resource_id?: string;
  resource_name?: string | null;
  resource_tags?: Record<string, string>;
  ami_id?: string | null;
  ecr_repository?: string | null;
  ecr_image_hash?: string | null;
  first_observed_at?: Date;
  closed_at?: Date | null;
  exploit_since?: Date | null;
  gone_at?: Date | null;
  gone_reason?: string | null;
  gone_from_status?: string | null;
  title?: string;
  raw?: Record<string, unknown>;
}

/** Inserts a finding and returns its ARN. */
export async function addFinding(database: Database, seed: FindingSeed): Promise<string> {
  findingSeq += 1;
  const region = seed.region ?? "us-east-1";
  // Scrambled (a bijection of the sequence), so that ARN order is not insertion order: a read that
  // orders by ARN where it should order by the keyset's id tie-breaker shows up.
  const suffix = Math.imul(findingSeq, 0x9e3779b1) >>> 0;
  const arn = seed.arn ?? `arn:aws:inspector2:${region}:${seed.account_id}:finding/${suffix.toString(16).padStart(32, "0")}`;
  const first = seed.first_observed_at ?? daysAgo(10);
  const vulnerability = seed.vulnerability_id === undefined ? `CVE-2024-${1000 + findingSeq}` : seed.vulnerability_id;
  const packageNames = seed.package_names ?? ["openssl"];
  const type = seed.type ?? "PACKAGE_VULNERABILITY";
  const title = seed.title ?? `${vulnerability} - ${packageNames.join(", ")}`;
  const exploit = seed.exploit_available === undefined ? false : seed.exploit_available;
  const resource = {
    type: seed.resource_type ?? "AWS_EC2_INSTANCE", id: seed.resource_id ?? `i-${findingSeq.toString(16).padStart(17, "0")}`,
    name: seed.resource_name ?? null, tags: seed.resource_tags ?? {},
  };
  await insert(database, "findings", {
    arn, account_id: seed.account_id, region, type, title,
    severity: seed.severity ?? "HIGH", status: seed.status ?? "ACTIVE",
    inspector_score: seed.inspector_score === undefined ? 7.5 : seed.inspector_score, cvss_score: 7.5,
    epss_score: seed.epss_score === undefined ? 0.01 : seed.epss_score, exploit_available: typeof exploit === "boolean" ? (exploit ? "YES" : "NO") : exploit,
    fix_available: seed.fix_available === undefined ? "YES" : seed.fix_available, vulnerability_id: vulnerability,
    finding_key: seed.finding_key ?? vulnerability ?? `${type}:${title}`, related_vulnerabilities: seed.related_vulnerabilities ?? [],
    package_names: packageNames, resource_type: resource.type, resource_id: resource.id,
    resource_name: resource.name, resource_tags: resource.tags, ami_id: seed.ami_id ?? null,
    ecr_repository: seed.ecr_repository ?? null, ecr_image_hash: seed.ecr_image_hash ?? null,
    first_observed_at: first, last_observed_at: first, updated_at: first, closed_at: seed.closed_at ?? null, exploit_since: seed.exploit_since ?? null,
    exploit_since_source: seed.exploit_since_source ?? (seed.exploit_since ? "CACHE_FIRST_SAW" : null), gone_at: seed.gone_at ?? null, gone_reason: seed.gone_reason ?? null, gone_from_status: seed.gone_from_status ?? null,
    // The installed versions live in the raw JSON, as the sync stores them.
    raw: seed.raw ?? { findingArn: arn, packageVulnerabilityDetails: { vulnerablePackages: seed.packages ?? packageNames.map((name) => ({ name, version: "1.0.0", fixedInVersion: "1.0.1", packageManager: "OS" })) } },
  });
  // The first resource is the finding's own columns (the view finding_resources shows it at position 0).
  for (const [i, r] of (seed.more_resources ?? []).entries()) {
    await insert(database, "finding_other_resources", {
      finding_arn: arn, position: i + 1, type: r.type ?? "AWS_EC2_INSTANCE", resource_id: r.id, name: r.name ?? null, region, tags: r.tags ?? {},
    });
  }
  return arn;
}

export async function addFindingEvent(database: Database, findingArn: string, kind: string, at: Date, fromValue: string | null, toValue: string | null) {
  await insert(database, "finding_events", { finding_arn: findingArn, kind, at, from_value: fromValue, to_value: toValue });
}

export async function addCoveredResource(database: Database, seed: { account_id: string; resource_id: string; region?: string; resource_type?: string; scan_type?: string; code?: string; reason?: string | null }) {
  await insert(database, "covered_resources", {
    account_id: seed.account_id, region: seed.region ?? "us-east-1", resource_type: seed.resource_type ?? "AWS_EC2_INSTANCE", resource_id: seed.resource_id,
    scan_type: seed.scan_type ?? "PACKAGE", scan_status_code: seed.code ?? "ACTIVE", scan_status_reason: seed.reason === undefined ? "SUCCESSFUL" : seed.reason,
  });
}

export async function addRow(database: Database, table: "sync_runs" | "sync_region_results" | "sync_account_results" | "daily_snapshots", row: Record<string, unknown>) {
  await insert(database, table, row);
}
