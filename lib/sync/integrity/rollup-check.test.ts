import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { openRollupDrift, rebuildRollups, rollupDrift } from "./rollup-check";
import { verifyRollups } from "./rollup-verify";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
}, 120_000);
afterAll(() => db?.close());

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const finding = fc.record({
  n: fc.integer({ min: 0, max: 40 }), account: pick(["111111111111", "222222222222", "333333333333"]), region: pick(["us-east-1", "eu-west-1"]),
  severity: pick(["CRITICAL", "HIGH", "LOW"]), status: pick(["ACTIVE", "SUPPRESSED", "CLOSED", "GONE"]),
  type: pick(["AWS_EC2_INSTANCE", "AWS_ECR_CONTAINER_IMAGE"]), inUse: pick([null, 0, 2]), exploit: pick([null, "YES", "NO"]),
  fix: pick([null, "YES", "NO", "PARTIAL"]), provider: pick(["AWS", "AZURE"]), providerAccount: pick([null, "sub-1"]),
  key: pick(["CVE-1", "CVE-2"]),
});
type F = typeof finding extends fc.Arbitrary<infer T> ? T : never;
const columns = "arn, account_id, region, type, title, severity, status, finding_key, resource_type, resource_id, first_observed_at, last_observed_at, updated_at, raw, in_use_count, exploit_available, fix_available, provider, provider_account_id";
const values = (f: F) => [`arn:${f.n}`, f.account, f.region, "PACKAGE_VULNERABILITY", "t", f.severity, f.status, f.key, f.type, `r-${f.n}`, new Date(), new Date(), new Date(), "{}", f.inUse, f.exploit, f.fix, f.provider, f.providerAccount];

/** One statement over many rows, as writers do: the triggers see it as one delta. */
const mutation = fc.oneof(
  fc.array(finding, { maxLength: 12 }).map((fs) => ({ kind: "upsert" as const, fs })),
  fc.record({ status: pick(["ACTIVE", "CLOSED", "GONE"]), below: fc.integer({ min: 0, max: 40 }) }).map((m) => ({ kind: "status" as const, ...m })),
  fc.record({ inUse: pick([null, 0, 1]), account: pick(["111111111111", "222222222222"]) }).map((m) => ({ kind: "inUse" as const, ...m })),
  fc.record({ below: fc.integer({ min: 0, max: 40 }) }).map((m) => ({ kind: "delete" as const, ...m })),
  fc.record({ severity: pick(["CRITICAL", "LOW"]), region: pick(["us-east-1", "eu-west-1"]) }).map((m) => ({ kind: "move" as const, ...m })),
  fc.constant({ kind: "truncate" as const }),
);
type M = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

async function apply(m: M) {
  const q = (sql: string, params: unknown[] = []) => db.pool.query(sql, params);
  if (m.kind === "upsert") {
    const rows = [...new Map(m.fs.map((f) => [f.n, f])).values()];
    if (!rows.length) return;
    const ph = rows.map((_, i) => `(${columns.split(", ").map((_, j) => `$${i * 19 + j + 1}`).join(", ")})`).join(", ");
    const set = columns.split(", ").slice(1).map((c) => `${c} = EXCLUDED.${c}`).join(", ");
    await q(`INSERT INTO findings (${columns}) VALUES ${ph} ON CONFLICT (arn) DO UPDATE SET ${set}`, rows.flatMap(values));
  } else if (m.kind === "status") await q("UPDATE findings SET status = $1 WHERE length(arn) < 6 OR substr(arn, 5)::int < $2", [m.status, m.below]);
  else if (m.kind === "inUse") await q("UPDATE findings SET in_use_count = $1 WHERE account_id = $2", [m.inUse, m.account]);
  else if (m.kind === "delete") await q("DELETE FROM findings WHERE substr(arn, 5)::int >= $1", [m.below]);
  // A finding's severity and region change in place (Inspector re-scores; a test moves it).
  else if (m.kind === "move") await q("UPDATE findings SET severity = $1, region = $2 WHERE finding_key = 'CVE-2'", [m.severity, m.region]);
  else await q("TRUNCATE findings CASCADE");
}

describe(`finding rollups (${process.env.TEST_DATABASE_URL ? "PostgreSQL" : "PGlite"})`, () => {
  it("equal a recount after any sequence of inserts, upserts, updates, deletes and truncates", async () => {
    await fc.assert(fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 8 }), async (ms) => {
      await db.pool.query("TRUNCATE findings CASCADE");
      for (const m of ms) await apply(m);
      expect(await rollupDrift(db.pool)).toEqual([]);
      expect(await openRollupDrift(db.pool)).toEqual([]);
    }), { numRuns: 40 });
  }, 120_000);

  it("reports drift cell by cell, and the verification repairs it and prunes empty cells", async () => {
    await db.pool.query("TRUNCATE findings CASCADE");
    await apply({ kind: "upsert", fs: [{ n: 1, account: "111111111111", region: "us-east-1", severity: "HIGH", status: "ACTIVE", type: "AWS_EC2_INSTANCE", inUse: null, exploit: "YES", fix: "YES", provider: "AWS", providerAccount: null, key: "CVE-1" }] });
    await apply({ kind: "status", status: "CLOSED", below: 5 });
    await db.pool.query("UPDATE finding_rollups SET findings = findings + 3 WHERE status = 'CLOSED'");
    const drift = await rollupDrift(db.pool);
    expect(drift).toEqual([{ key: expect.objectContaining({ status: "CLOSED", account_id: "111111111111", idle: false }), rollup: [4, 1, 1], recount: [1, 1, 1] }]);
    expect(await verifyRollups(db.pool)).toMatchObject({ drift: 1, repaired: true, pruned: 0 });
    expect(await rollupDrift(db.pool)).toEqual([]);
    await db.pool.query("UPDATE findings SET status = 'ACTIVE'");
    expect(await verifyRollups(db.pool)).toMatchObject({ drift: 0, repaired: false, pruned: 1 });
    await rebuildRollups(db.pool);
    expect((await db.pool.query("SELECT status, findings FROM finding_rollups")).rows).toEqual([{ status: "ACTIVE", findings: 1 }]);
  });

  it("keeps the open rollups (per account; per region and type) from the rollups' own changes, and repairs them when they drift alone", async () => {
    await db.pool.query("TRUNCATE findings CASCADE");
    const one = (n: number, region: string, status: string) => ({ n, account: "111111111111", region, severity: "HIGH", status, type: "AWS_EC2_INSTANCE", inUse: null, exploit: null, fix: null, provider: "AWS", providerAccount: null, key: "CVE-1" });
    await apply({ kind: "upsert", fs: [one(10, "us-east-1", "ACTIVE"), one(11, "eu-west-1", "ACTIVE"), one(12, "eu-west-1", "CLOSED")] });
    const cells = async () => (await db.pool.query("SELECT account_id, severity, findings FROM open_rollups_by_account WHERE findings <> 0")).rows;
    // Two regions' open findings in one cell; the closed one nowhere.
    expect(await cells()).toEqual([{ account_id: "111111111111", severity: "HIGH", findings: 2 }]);
    await apply({ kind: "status", status: "CLOSED", below: 11 }); // arn:10 only
    expect(await cells()).toEqual([{ account_id: "111111111111", severity: "HIGH", findings: 1 }]);
    await db.pool.query("UPDATE open_rollups_by_account SET findings = findings + 5");
    await db.pool.query("UPDATE open_rollups_by_region_type SET fixable = fixable + 2 WHERE region = 'eu-west-1'");
    expect(await openRollupDrift(db.pool)).toEqual([
      { table: "open_rollups_by_account", key: expect.objectContaining({ account_id: "111111111111", severity: "HIGH" }), rollup: [6], recount: [1] },
      { table: "open_rollups_by_region_type", key: { shard: "1", region: "eu-west-1", resource_type: "AWS_EC2_INSTANCE", severity: "HIGH", idle: false }, rollup: [1, 0, 2], recount: [1, 0, 0] },
    ]);
    expect(await verifyRollups(db.pool)).toMatchObject({ drift: 2, repaired: true });
    expect(await openRollupDrift(db.pool)).toEqual([]);
    expect(await cells()).toEqual([{ account_id: "111111111111", severity: "HIGH", findings: 1 }]);
    await apply({ kind: "truncate" });
    expect(await cells()).toEqual([]);
  });

  it("keeps the CVE groups' rollups: an account counted once per key across regions, idle images apart, drift repaired", async () => {
    await db.pool.query("TRUNCATE findings CASCADE");
    const f = (n: number, account: string, region: string, o: Partial<F> = {}): F => ({ n, account, region, severity: "HIGH", status: "ACTIVE", type: "AWS_EC2_INSTANCE",
      inUse: null, exploit: null, fix: null, provider: "AWS", providerAccount: null, key: "CVE-1", ...o });
    const A = "111111111111", B = "222222222222";
    await apply({ kind: "upsert", fs: [
      f(11, A, "us-east-1", { severity: "CRITICAL", exploit: "YES" }), f(12, A, "eu-west-1"), f(13, B, "eu-west-1"),
      f(14, B, "eu-west-1", { type: "AWS_ECR_CONTAINER_IMAGE", inUse: 0 }), f(15, B, "us-east-1", { status: "CLOSED" }),
    ] });
    const groups = async () => (await db.pool.query(
      "SELECT region, findings, findings_idle, critical, high, exploitable, exploitable_critical, accounts, accounts_idle, accounts_all FROM open_key_region_rollups WHERE finding_key = 'CVE-1' ORDER BY region")).rows;
    expect(await groups()).toEqual([
      // Every region: A's two findings and B's one count A and B once each; B's idle image apart.
      { region: "", findings: 3, findings_idle: 1, critical: 1, high: 2, exploitable: 1, exploitable_critical: 1, accounts: 2, accounts_idle: 1, accounts_all: 2 },
      { region: "eu-west-1", findings: 2, findings_idle: 1, critical: 0, high: 2, exploitable: 0, exploitable_critical: 0, accounts: 2, accounts_idle: 1, accounts_all: 2 },
      { region: "us-east-1", findings: 1, findings_idle: 0, critical: 1, high: 0, exploitable: 1, exploitable_critical: 1, accounts: 1, accounts_idle: 0, accounts_all: 1 },
    ]);
    // The accounts with critical, high, and either ("severe") findings, each in use / idle / either:
    // A's critical is in us-east-1, its high and both of B's in eu-west-1, B's idle image a high.
    const severe = async () => (await db.pool.query(`SELECT region, ARRAY[accounts_critical, accounts_critical_idle, accounts_critical_all,
      accounts_high, accounts_high_idle, accounts_high_all, accounts_severe, accounts_severe_idle, accounts_severe_all] AS a
      FROM open_key_region_rollups WHERE finding_key = 'CVE-1' ORDER BY region`)).rows;
    expect(await severe()).toEqual([
      { region: "", a: [1, 0, 1, 2, 1, 2, 2, 1, 2] },
      { region: "eu-west-1", a: [0, 0, 0, 2, 1, 2, 2, 1, 2] },
      { region: "us-east-1", a: [1, 0, 1, 0, 0, 0, 1, 0, 1] },
    ]);
    // B's in-use finding closes: B still has an idle one there, so it leaves "accounts" but not "accounts_all".
    await apply({ kind: "status", status: "CLOSED", below: 14 }); // arn:11 … arn:13 (and arn:15 already)
    expect(await groups()).toEqual([
      { region: "", findings: 0, findings_idle: 1, critical: 0, high: 0, exploitable: 0, exploitable_critical: 0, accounts: 0, accounts_idle: 1, accounts_all: 1 },
      { region: "eu-west-1", findings: 0, findings_idle: 1, critical: 0, high: 0, exploitable: 0, exploitable_critical: 0, accounts: 0, accounts_idle: 1, accounts_all: 1 },
      { region: "us-east-1", findings: 0, findings_idle: 0, critical: 0, high: 0, exploitable: 0, exploitable_critical: 0, accounts: 0, accounts_idle: 0, accounts_all: 0 },
    ]);
    expect(await severe()).toEqual([
      { region: "", a: [0, 0, 0, 0, 1, 1, 0, 1, 1] }, { region: "eu-west-1", a: [0, 0, 0, 0, 1, 1, 0, 1, 1] }, { region: "us-east-1", a: [0, 0, 0, 0, 0, 0, 0, 0, 0] },
    ]);
    await db.pool.query("UPDATE open_key_region_rollups SET accounts = accounts + 1 WHERE region = 'eu-west-1'");
    expect(await openRollupDrift(db.pool)).toEqual([
      { table: "open_key_region_rollups", key: { finding_key: "CVE-1", region: "eu-west-1" }, rollup: [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1, 1],
        recount: [0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 1, 1] },
    ]);
    // Repaired, and the empty cells (us-east-1's) pruned from both tables.
    expect(await verifyRollups(db.pool)).toMatchObject({ drift: 1, repaired: true });
    expect(await openRollupDrift(db.pool)).toEqual([]);
    expect((await groups()).map((g) => g.region)).toEqual(["", "eu-west-1"]);
    expect((await db.pool.query("SELECT count(*)::int AS n FROM open_key_rollups WHERE findings + findings_idle = 0")).rows).toEqual([{ n: 0 }]);
  });
});
