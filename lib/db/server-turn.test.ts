// Turns on the database server: two holders of one key never overlap, a wait past its bound fails
// without running the work, a caller that does not wait is refused at once, and another key does not
// wait. On the embedded PGlite (one session, where an advisory lock cannot exclude) callers take no
// turn: isEmbeddedPool says so, and they skip it.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { isEmbeddedPool } from "./embedded-pool";
import { inServerTurn } from "./server-turn";
import { createEmptyTestDatabase } from "./test-database";

const KEY = 7_415_502_999;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("inServerTurn", () => {
  it("runs one holder of a key at a time; a bounded wait gives up; another key goes ahead", async () => {
    const db = await createEmptyTestDatabase();
    const pool = new pg.Pool({ connectionString: db.url, max: 1 });
    // The database is dropped WITH (FORCE) at the end: a session the server has not yet closed is
    // terminated, and an idle client told so must not end the test run as an uncaught error (it did
    // once in CI: 57P01 from this file, after every assertion had passed).
    pool.on("error", () => {});
    try {
      if (db.flavour === "pglite") {
        expect(await isEmbeddedPool(pool)).toBe(true);
        return;
      }
      expect(await isEmbeddedPool(pool)).toBe(false);
      const events: string[] = [];
      const holder = (name: string, ms: number, key = KEY) => inServerTurn(db.url, key, async () => {
        events.push(`${name} in`);
        await pause(ms);
        events.push(`${name} out`);
        return name;
      });
      const first = holder("a", 600);
      await pause(150); // a holds the turn
      // Not waiting: refused at once with the caller's own error, its work not run.
      await expect(inServerTurn(db.url, KEY, async () => events.push("eager in"), { busy: () => new Error("taken") })).rejects.toThrow("taken");
      const [b, gaveUp, other] = await Promise.allSettled([
        holder("b", 50),
        inServerTurn(db.url, KEY, async () => events.push("impatient in"), { waitMs: 100 }),
        holder("c", 10, KEY + 1),
        first,
      ]);
      expect(b).toEqual({ status: "fulfilled", value: "b" });
      expect(gaveUp.status).toBe("rejected");
      expect(String((gaveUp as PromiseRejectedResult).reason)).toMatch(/lock timeout/i);
      expect(other).toEqual({ status: "fulfilled", value: "c" });
      expect(events).not.toContain("impatient in");
      expect(events).not.toContain("eager in");
      // c (another key) ran while a held its turn; b only after a left.
      expect(events.indexOf("c in")).toBeLessThan(events.indexOf("a out"));
      expect(events.indexOf("b in")).toBeGreaterThan(events.indexOf("a out"));
      // The turn is free again once its holders are done.
      expect(await inServerTurn(db.url, KEY, async () => "free", { waitMs: 100 })).toBe("free");
      expect(await inServerTurn(db.url, KEY, async () => "free", { busy: () => new Error("taken") })).toBe("free");
    } finally {
      await pool.end();
      await db.drop();
    }
  }, 60_000);
});
