// A cache frozen by the previous version migrates in place: its reviews become version 1 (no hash,
// no author) and are still served exactly as stored.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createEmptyTestDatabase } from "@/lib/db/test-database";
import { readMigrationsList } from "@/lib/db/migrations";

const MINE = "_review_versions";

describe("review versions migration", () => {
  let drop: (() => Promise<void>) | undefined;
  afterAll(async () => drop?.());

  it("keeps existing frozen reviews as version 1", async () => {
    const empty = await createEmptyTestDatabase();
    drop = empty.drop;
    const pool = new pg.Pool({ connectionString: empty.url, max: 1 });
    try {
      const all = readMigrationsList().migrationDirectories;
      const at = all.findIndex((m) => m.path.endsWith(MINE));
      expect(at).toBeGreaterThan(0);
      for (const m of all.slice(0, at)) await pool.query(m.migrationFile.content.value);
      await pool.query(`INSERT INTO reviews (meeting_date, payload) VALUES ('2026-11-19', '{"version":1,"meta":{"asOf":"2026-11-19T15:00:00.000Z"}}')`);
      for (const m of all.slice(at)) await pool.query(m.migrationFile.content.value);
      const { rows } = await pool.query("SELECT to_char(meeting_date, 'YYYY-MM-DD') AS d, version, content_hash, author_name, payload FROM reviews");
      expect(rows).toEqual([{ d: "2026-11-19", version: 1, content_hash: null, author_name: null, payload: { version: 1, meta: { asOf: "2026-11-19T15:00:00.000Z" } } }]);
      await expect(pool.query(`INSERT INTO reviews (meeting_date, version, payload) VALUES ('2026-11-19', 1, '{}')`)).rejects.toThrow(/unique/);
    } finally {
      await pool.end();
    }
  });
});
