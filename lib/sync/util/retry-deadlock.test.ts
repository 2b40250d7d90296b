import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { retryOnDeadlock } from "./retry-deadlock";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await db.pool.query("CREATE TABLE retry_probe (id int PRIMARY KEY, n int NOT NULL)");
}, 120_000);
afterAll(() => db?.close());

// The server raises the deadlock's SQLSTATE itself, as it does for the loser of a real deadlock.
const loseDeadlock = () => db.pool.query("DO $$ BEGIN RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01'; END $$");

describe("retryOnDeadlock", () => {
  it("runs a write that lost a deadlock again, and it lands once", async () => {
    let calls = 0;
    const n = await retryOnDeadlock("probe", async () => {
      calls++;
      if (calls < 3) await loseDeadlock();
      return (await db.pool.query("INSERT INTO retry_probe VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET n = retry_probe.n + 1 RETURNING n")).rows[0].n;
    });
    expect(calls).toBe(3);
    expect(n).toBe(1);
  });

  it("gives up after its attempts with the server's error, and never retries other errors", async () => {
    let calls = 0;
    await expect(retryOnDeadlock("probe", async () => { calls++; await loseDeadlock(); }, 2)).rejects.toMatchObject({ code: "40P01" });
    expect(calls).toBe(2);
    calls = 0;
    await expect(retryOnDeadlock("probe", async () => { calls++; await db.pool.query("INSERT INTO retry_probe VALUES (2, 1), (2, 1)"); })).rejects.toMatchObject({ code: "23505" });
    expect(calls).toBe(1);
  });
});
