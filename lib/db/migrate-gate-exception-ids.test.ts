// Gate decisions recorded while they named exceptions by serial keep naming the same exceptions,
// now by public id, after the migration.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrations";
import { applyMigrationsBefore } from "./migrations-before";
import { createEmptyTestDatabase } from "./test-database";

const MIGRATION = "20261130202909_gate_decisions_exception_public_ids";
let db: Awaited<ReturnType<typeof createEmptyTestDatabase>>;
let client: pg.Client;

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  await applyMigrationsBefore(db.url, MIGRATION);
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await client.query(`INSERT INTO risk_exceptions (vulnerability_id, reason, owner, expires_at) VALUES ('CVE-1', 'r', 'o', now()), ('CVE-2', 'r', 'o', now()), ('CVE-3', 'r', 'o', now())`);
  const decision = `INSERT INTO gate_decisions (artifact_kind, artifact_label, artifact, policy_name, policy_version, verdict, source, findings_count, result,
    exception_ids, actor_kind, actor_id, actor_name) VALUES ('ecr-image', $1, '{}', 'p', 1, 'pass', 'cache', 0, '{}', $2, 'token', 't', 't')`;
  await client.query(decision, ["with-two", [3, 1]]);
  await client.query(decision, ["with-none", []]);
  await client.query(decision, ["with-a-deleted-one", [99]]);
  expect(await applyMigrations(db.url)).toContain(MIGRATION);
}, 120_000);

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe("gate decisions' exception ids", () => {
  it("become the exceptions' public ids, in serial order", async () => {
    const { rows: ex } = await client.query<{ id: number; public_id: string }>(`SELECT id, public_id::text FROM risk_exceptions ORDER BY id`);
    const { rows } = await client.query<{ artifact_label: string; ids: string[] }>(
      `SELECT artifact_label, exception_ids::text[] AS ids FROM gate_decisions ORDER BY id`);
    expect(rows).toEqual([
      { artifact_label: "with-two", ids: [ex[0].public_id, ex[2].public_id] },
      { artifact_label: "with-none", ids: [] },
      { artifact_label: "with-a-deleted-one", ids: [] },
    ]);
  });
});
