// Rows cached whole before finding_raw_parts are split in place, and own parts split before the
// modelled members or the installed packages were left out lose them; what the finding page shows does not change, a row the
// sync rewrote meanwhile is left alone, and a second run finds nothing to do.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { compactRaw } from "./compact-raw";
import { joinRawFinding } from "@/lib/domain/raw-finding-parts";
import { ecrFinding } from "@/lib/sync/map/fixtures";
import { FINDINGS_WITH_RAW_PARTS_SQL } from "@/lib/queries/findings/raw-parts-join";

const arn = (n: number) => `arn:aws:inspector2:us-east-1:111122223333:finding/${String(n).padStart(32, "0")}`;
const whole = (n: number) => JSON.stringify({ ...ecrFinding({ findingArn: arn(n) }), title: n < 3 ? "shared title" : `title ${n}` });

describe("compactRaw", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    for (let n = 0; n < 7; n++) {
      await t.pool.query(
        `INSERT INTO findings (arn, account_id, region, type, title, severity, status, finding_key, resource_type, resource_id,
           first_observed_at, last_observed_at, updated_at, raw)
         VALUES ($1, '111122223333', 'us-east-1', 'PACKAGE_VULNERABILITY', 't', 'HIGH', 'ACTIVE', 'CVE-1', 'AWS_EC2_INSTANCE', 'r', now(), now(), now(), $2)`,
        [arn(n), n === 6 ? '{"findingArn":"x","status":"ACTIVE"}' : whole(n)]);
    }
  });
  afterAll(async () => t?.close());

  const read = async () => (await t.pool.query(`${FINDINGS_WITH_RAW_PARTS_SQL} ORDER BY f.arn`)).rows;

  it("splits every whole row in batches, sharing parts, and puts back the same JSON", async () => {
    const before = (await read()).map((r) => joinRawFinding(r));
    const batches: number[] = [];
    expect(await compactRaw(t.pool, { batchSize: 3, onBatch: (p) => batches.push(p.read) })).toEqual({ read: 7, split: 7 });
    expect(batches).toEqual([3, 6, 7]);
    const after = await read();
    expect(after.map((r) => joinRawFinding(r))).toEqual(before);
    expect(after.every((r) => !r.raw.includes(r.arn))).toBe(true);
    // Three findings with one title share a vulnerability part; all six share the image's resources part.
    const parts = (await t.pool.query(`SELECT count(DISTINCT raw_vulnerability_part)::int AS v, count(DISTINCT raw_resources_part)::int AS r,
      count(DISTINCT raw_installed_part)::int AS i FROM findings`)).rows[0];
    expect(parts).toEqual({ v: 4, r: 1, i: 1 }); // the six list the same packages; the seventh none
    expect(await compactRaw(t.pool)).toEqual({ read: 7, split: 0 });
  });

  it("compacts an own part split before, keeping its shared parts, and a GONE row by the status Inspector sent", async () => {
    const [row] = (await t.pool.query("SELECT raw, raw_vulnerability_part, raw_resources_part, raw_installed_part FROM findings WHERE arn = $1", [arn(0)])).rows;
    // As the splits before stored it: status and type still in the own part (before modelled members were
    // left out), and the installed packages too (before their shared part).
    const older = JSON.stringify({ status: "ACTIVE", type: "PACKAGE_VULNERABILITY", ...JSON.parse(row.raw),
      packageVulnerabilityDetails: { vulnerablePackages: ecrFinding().packageVulnerabilityDetails!.vulnerablePackages } });
    await t.pool.query("UPDATE findings SET raw = $2, raw_installed_part = NULL, status = 'GONE', gone_from_status = 'ACTIVE' WHERE arn = $1", [arn(0), older]);
    const before = (await read()).map((r) => joinRawFinding(r));
    expect(before[0]).toMatchObject({ status: "ACTIVE", type: "PACKAGE_VULNERABILITY" });
    expect(await compactRaw(t.pool)).toEqual({ read: 7, split: 1 });
    const [after] = (await t.pool.query("SELECT raw, raw_vulnerability_part, raw_resources_part, raw_installed_part FROM findings WHERE arn = $1", [arn(0)])).rows;
    expect(after).toEqual(row);
    expect((await read()).map((r) => joinRawFinding(r))).toEqual(before);
  });

  it("leaves a row the sync rewrote after it was read", async () => {
    await t.pool.query(
      `INSERT INTO findings (arn, account_id, region, type, title, severity, status, finding_key, resource_type, resource_id,
         first_observed_at, last_observed_at, updated_at, raw)
       VALUES ($1, '111122223333', 'us-east-1', 'PACKAGE_VULNERABILITY', 't', 'HIGH', 'ACTIVE', 'CVE-1', 'AWS_EC2_INSTANCE', 'r', now(), now(), now(), $2)`,
      [arn(8), whole(8)]);
    // The sync's write lands between the read and the split: simulated by a query hook.
    const racing = {
      query: async (sql: string, params: unknown[]) => {
        if (sql.includes("UPDATE findings")) await t.pool.query("UPDATE findings SET raw = $2 WHERE arn = $1", [arn(8), whole(80)]);
        return t.pool.query(sql, params);
      },
    } as unknown as Parameters<typeof compactRaw>[0];
    expect(await compactRaw(racing)).toEqual({ read: 8, split: 0 });
    expect((await t.pool.query("SELECT raw FROM findings WHERE arn = $1", [arn(8)])).rows[0].raw).toBe(whole(80));
  });
});
