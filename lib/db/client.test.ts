import { afterAll, beforeAll, describe, expect, it } from "vitest";
import net from "node:net";
import { createTestDatabase, type TestDatabase } from "./test-database";
import { createAppDatabase, createDatabase } from "./client";

describe("database client", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());

  it("shares one pool between Prisma and raw SQL", async () => {
    await t.prisma.account.create({ data: { id: "111122223333", name: "prod-payments" } });
    const raw = await t.pool.query("SELECT name FROM accounts WHERE id = $1", ["111122223333"]);
    expect(raw.rows).toEqual([{ name: "prod-payments" }]);
  });

  it("stores the complete raw finding as JSON text, byte for byte, still queryable as jsonb", async () => {
    const raw = '{"findingArn":"arn:x","nested":{"deep":[1,2,{"k":"v"}]},"firstObservedAt":1.7e9}';
    await t.prisma.finding.create({
      data: {
        arn: "arn:x", accountId: "111122223333", region: "us-east-1", type: "PACKAGE_VULNERABILITY", title: "t", findingKey: "CVE-2024-1",
        severity: "HIGH", status: "ACTIVE", resourceType: "AWS_EC2_INSTANCE", resourceId: "i-1",
        firstObservedAt: new Date(), lastObservedAt: new Date(), updatedAt: new Date(), raw,
      },
    });
    const row = await t.pool.query("SELECT raw, raw::jsonb->'nested'->'deep'->2->>'k' AS k FROM findings WHERE arn = $1", ["arn:x"]);
    expect(row.rows[0]).toEqual({ raw, k: "v" });
  });

  it("starts the app's server sessions with JIT off", async () => {
    const app = createAppDatabase(t.url, false, 1);
    try {
      expect((await app.pool.query("SHOW jit")).rows).toEqual([{ jit: "off" }]);
    } finally {
      await app.close();
    }
  });
});

describe("a server that accepts and never answers", () => {
  it("fails the query once the connect timeout passes, instead of hanging the request", async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const { port } = silent.address() as net.AddressInfo;
    const database = createDatabase(`postgresql://u:p@127.0.0.1:${port}/x`, 1, 300);
    const started = Date.now();
    await expect(database.pool.query("SELECT 1")).rejects.toThrow(/timeout/i);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(sockets.length).toBe(1);
    await database.pool.end().catch(() => {});
    sockets.forEach((s) => s.destroy());
    silent.close();
  });
});
