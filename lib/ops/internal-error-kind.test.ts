import { afterEach, describe, expect, it, vi } from "vitest";
import net, { type AddressInfo } from "node:net";
import pg from "pg";
import { createEmptyTestDatabase } from "@/lib/db/test-database";
import { internalErrorKind } from "./internal-error-kind";
import { errorResponse } from "@/lib/auth/app-error";

afterEach(() => vi.restoreAllMocks());

describe("internalErrorKind", () => {
  it("names a connect the server never answered (pg's own timeout)", async () => {
    const server = net.createServer(() => {}); // accepts, never answers
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const pool = new pg.Pool({ host: "127.0.0.1", port: (server.address() as AddressInfo).port, user: "x", password: "pw", database: "d", connectionTimeoutMillis: 200 });
    const err = await pool.query("SELECT 1").catch((e: unknown) => e);
    await pool.end().catch(() => {});
    server.close();
    expect(internalErrorKind(err)).toBe("Error: database connect timeout");
  });

  it("names a pool that had no connection free in time (pg-pool's wait)", async () => {
    const empty = await createEmptyTestDatabase();
    const pool = new pg.Pool({ connectionString: empty.url, max: 1, connectionTimeoutMillis: 300 });
    const held = await pool.connect();
    try {
      const err = await pool.query("SELECT 1").catch((e: unknown) => e);
      expect(internalErrorKind(err)).toBe("Error: database pool timeout");
    } finally {
      held.release();
      await pool.end();
      await empty.drop();
    }
  }, 60_000);

  it("adds a SQLSTATE or a system code, never the message", () => {
    const canceled = Object.assign(new Error("canceling statement due to statement timeout: SELECT * FROM findings WHERE arn = 'arn:aws:…'"), { code: "57014" });
    expect(internalErrorKind(canceled)).toBe("Error 57014");
    const refused = Object.assign(new Error("connect ECONNREFUSED 10.0.0.5:5432"), { code: "ECONNREFUSED" });
    expect(internalErrorKind(refused)).toBe("Error ECONNREFUSED");
    const odd = Object.assign(new TypeError("x"), { code: "has spaces and data: arn:aws:iam::1:role/r" });
    expect(internalErrorKind(odd)).toBe("TypeError");
    expect(internalErrorKind("a string")).toBe("string");
  });

  it("errorResponse logs the kind, answers a plain 500, and keeps the message out of both", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = errorResponse(Object.assign(new Error("relation \"secret_table\" does not exist"), { code: "42P01" }));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "internal error", code: "internal" });
    expect(log).toHaveBeenCalledWith("inspectorate: internal error in a request (Error 42P01)");
    expect(JSON.stringify(log.mock.calls)).not.toContain("secret_table");
  });
});
