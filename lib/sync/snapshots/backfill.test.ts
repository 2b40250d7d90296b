import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { backfillDailySnapshots, hasSnapshotsBefore } from "./backfill";

const NOW = new Date("2026-03-20T15:00:00Z");
const d = (day: string, time = "12:00:00") => new Date(`2026-03-${day}T${time}Z`);

describe("backfillDailySnapshots", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    const add = (arn: string, sev: string, status: string, first: Date, closed: Date | null, gone: Date | null = null) =>
      t.pool.query(
        `INSERT INTO findings (arn, account_id, region, type, title, severity, status, resource_type, resource_id,
           finding_key, first_observed_at, last_observed_at, updated_at, closed_at, gone_at, raw)
         VALUES ($1, '111111111111', 'us-east-1', 'PACKAGE_VULNERABILITY', 't', $2, $3, 'AWS_EC2_INSTANCE', 'i-1', 'CVE-1', $4, $4, $4, $5, $6, '{}')`,
        [arn, sev, status, first, closed, gone],
      );
    await add("a", "HIGH", "ACTIVE", new Date("2025-01-01T00:00:00Z"), null); // open all along
    await add("b", "HIGH", "CLOSED", d("10"), d("15", "08:00:00")); // open 10th..14th, closed on the 15th
    await add("c", "HIGH", "SUPPRESSED", d("12"), null); // suppressed from the 12th
    await add("d", "HIGH", "CLOSED", d("16"), d("16", "20:00:00")); // opened and closed the same day
    await add("e", "LOW", "ACTIVE", d("18"), null, d("19", "06:00:00")); // AWS deleted it on the 19th
  });
  afterAll(async () => t?.close());

  const day = async (date: string, severity = "HIGH") =>
    (await t.pool.query("SELECT open, opened, closed, suppressed FROM daily_snapshots WHERE day = $1 AND severity = $2", [date, severity])).rows[0];

  it("reconstructs open, opened, closed and suppressed per day from the findings", async () => {
    expect(await hasSnapshotsBefore(t.pool, NOW)).toBe(false);
    expect(await backfillDailySnapshots(t.pool, NOW)).toBeGreaterThan(80);
    expect(await day("2026-03-09")).toEqual({ open: 1, opened: 0, closed: 0, suppressed: 0 });
    expect(await day("2026-03-10")).toEqual({ open: 2, opened: 1, closed: 0, suppressed: 0 });
    expect(await day("2026-03-12")).toEqual({ open: 2, opened: 1, closed: 0, suppressed: 1 });
    expect(await day("2026-03-15")).toEqual({ open: 1, opened: 0, closed: 1, suppressed: 1 });
    expect(await day("2026-03-16")).toEqual({ open: 1, opened: 1, closed: 1, suppressed: 1 });
    expect(await day("2026-03-18", "LOW")).toEqual({ open: 1, opened: 1, closed: 0, suppressed: 0 });
    expect(await day("2026-03-19", "LOW")).toBeUndefined(); // gone: no longer open, nothing else that day
    expect(await day("2026-03-19")).toEqual({ open: 1, opened: 0, closed: 0, suppressed: 1 });
    expect(await day("2026-03-20")).toBeUndefined(); // today is the live snapshot's job
    const [first] = (await t.pool.query("SELECT min(day)::text AS d FROM daily_snapshots")).rows;
    expect(first.d).toBe("2025-12-26"); // 84 days back
    expect(await hasSnapshotsBefore(t.pool, NOW)).toBe(true);
  });

  it("never overwrites existing days", async () => {
    await t.pool.query("UPDATE daily_snapshots SET open = 99 WHERE day = '2026-03-10' AND severity = 'HIGH'");
    await backfillDailySnapshots(t.pool, NOW);
    expect((await day("2026-03-10")).open).toBe(99);
  });
});
