// Writers of findings take turns at the rollups (migration *_rollups_writer_turn): the turn's trigger
// fires before every rollup trigger of a statement on findings, and holds its advisory lock until the
// writer commits. The concurrent writers' test shows what it is for; this one pins the mechanism.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { ADVISORY_KEYS } from "@/lib/db/advisory-keys";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
}, 120_000);
afterAll(() => db?.close());

// The key the migration locks; pg_locks shows a bigint key as its high (classid) and low (objid) halves.
const TURN_KEY = BigInt(ADVISORY_KEYS.rollupsWriterTurn);

describe("the rollups' writer turn", () => {
  it("fires first among the statement triggers on findings that write rollups, for inserts, updates and deletes", async () => {
    const { rows } = await db.pool.query<{ tgname: string; tgtype: number }>(
      "SELECT tgname, tgtype FROM pg_trigger WHERE tgrelid = 'findings'::regclass AND NOT tgisinternal ORDER BY tgname COLLATE \"C\"");
    for (const event of [4, 8, 16]) { // TRIGGER_TYPE_INSERT, _DELETE, _UPDATE
      const firing = rows.filter((r) => (r.tgtype & event) !== 0).map((r) => r.tgname);
      expect(firing[0]).toBe("finding_0_rollups_writer_turn");
      expect(firing.slice(1).filter((t) => t.includes("rollups_")).length).toBeGreaterThan(0);
    }
  });

  it("is held from a write on findings until the writer commits, and not before it writes", async () => {
    const client = await db.pool.connect();
    const held = async () => (await client.query(
      "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid() AND ((classid::bigint << 32) | objid::bigint) = $1 AND granted",
      [TURN_KEY.toString()])).rows[0].n;
    try {
      await client.query("BEGIN");
      await client.query("SELECT count(*) FROM findings");
      expect(await held()).toBe(0);
      await client.query(`INSERT INTO findings (arn, account_id, region, type, title, severity, status, finding_key, resource_type, resource_id,
        first_observed_at, last_observed_at, updated_at, raw) VALUES ('arn:turn', '111111111111', 'us-east-1', 'PACKAGE_VULNERABILITY', 't', 'HIGH',
        'ACTIVE', 'CVE-1', 'AWS_EC2_INSTANCE', 'i-1', now(), now(), now(), '{}')`);
      expect(await held()).toBe(1);
      await client.query("UPDATE findings SET severity = 'LOW' WHERE arn = 'arn:turn'");
      expect(await held()).toBe(1);
      await client.query("COMMIT");
      expect(await held()).toBe(0);
    } finally {
      await client.query("ROLLBACK").catch(() => undefined);
      client.release();
    }
  });
});
