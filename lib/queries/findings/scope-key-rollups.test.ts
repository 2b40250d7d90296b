// A scoped viewer of many accounts reads their CVE groups from the scope's sums once summed, and the
// groups stay the ones counted over the findings whether the sums are current, stale or not made yet.
import fc from "fast-check";
import { beforeEach, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/queries/scope";
import { addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { parseFindingsFilter } from "./findings-filter";
import { groupFindings, groupFindingsOverFindings } from "./findings-groups";
import { forgetNotedScopes, forgetUnaskedScopes, scopeHash, sumAskedScopes, sumScope, SUMMED_AHEAD_MIN_ACCOUNTS } from "./scope-key-rollups";

const database = setupQueryTestDatabase();
beforeEach(() => forgetNotedScopes());
const filter = (qs: string) => {
  const parsed = parseFindingsFilter(new URLSearchParams(qs));
  expect(parsed.issues).toEqual([]);
  return { ...parsed.filter, group: parsed.filter.group ?? ("cve" as const) };
};

const A = "111111111111", B = "222222222222", C = "333333333333";
/** A and B among many accounts with no findings (C is outside). */
const many = (...ids: string[]) => [...ids, ...Array.from({ length: SUMMED_AHEAD_MIN_ACCOUNTS }, (_, i) => String(900000000000 + i))];
const scope: Scope = { accountIds: many(A, B) };
const hash = scopeHash(scope.accountIds as string[]);
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const finding = fc.record({
  account: pick([A, B, C]), region: pick(["us-east-1", "eu-west-1"]),
  key: pick(["CVE-2026-0001", "CVE-2026-0002", "CVE-2026-0003"]),
  severity: pick(["CRITICAL", "HIGH", "MEDIUM"]), status: pick(["ACTIVE", "ACTIVE", "CLOSED"]),
  image: fc.boolean(), inUse: pick([null, 0, 3]), exploit: pick([true, false, null]),
});
const answered = ["group=cve", "group=cve&inUse=all", "group=cve&inUse=idle", "group=cve&limit=2", "group=cve&severity=CRITICAL",
  "group=cve&severity=HIGH&severity=CRITICAL&inUse=idle", "group=cve&region=eu-west-1", "group=cve&region=us-east-1&severity=HIGH&inUse=all", "group=cve&region=ap-south-1"];

type D = ReturnType<typeof database>;
const setState = async (d: D) => (await d.pool.query<{ generation: string | null; current: string }>(
  "SELECT s.generation, g.n AS current FROM scope_key_rollup_sets s, key_rollups_generation g WHERE s.scope_hash = $1", [hash])).rows[0];
async function same(label: string) {
  for (const qs of answered) expect(await groupFindings(scope, filter(qs)), `${label}: ${qs}`).toEqual(await groupFindingsOverFindings(scope, filter(qs)));
}

describe("a scope's CVE groups summed ahead", () => {
  it("are recorded when opened, read from the sums once summed, and equal the groups counted over the findings before, after and between", async () => {
    const d = database();
    let marks = 0;
    await fc.assert(fc.asyncProperty(fc.array(finding, { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 3 }), async (fs, close) => {
      await d.pool.query("TRUNCATE findings CASCADE");
      await d.pool.query("DELETE FROM scope_key_rollup_sets");
      forgetNotedScopes();
      for (const f of fs) {
        const arn = await addFinding(d, {
          account_id: f.account, region: f.region, finding_key: f.key, vulnerability_id: f.key, severity: f.severity, status: f.status,
          resource_type: f.image ? "AWS_ECR_CONTAINER_IMAGE" : "AWS_EC2_INSTANCE", exploit_available: f.exploit,
        });
        if (f.image) await d.pool.query("UPDATE findings SET in_use_count = $1 WHERE arn = $2", [f.inUse, arn]);
      }
      await same("not summed yet");
      expect(await setState(d), "recorded by the first view, not summed").toMatchObject({ generation: null });
      expect(await sumAskedScopes()).toBe(1);
      const summed = await setState(d);
      expect(summed.generation).toBe(summed.current);
      await same("summed");
      expect(await sumAskedScopes(), "nothing stale").toBe(0);

      // The page reads the sums: a mark put into them shows (then goes again with a new sum).
      const marked = await d.pool.query("UPDATE scope_key_rollups SET findings = findings + 1000, findings_idle = findings_idle + 1000 WHERE scope_hash = $1 AND region = ''", [hash]);
      if (marked.rowCount) {
        marks++;
        // Writing the sums by hand moves no generation: only open_key_rollups' changes do.
        expect((await setState(d)).generation).toBe((await setState(d)).current);
        const shown = await groupFindings(scope, filter("group=cve&inUse=all"));
        expect(shown.groups[0].count).toBeGreaterThan(1000);
        await d.pool.query("UPDATE scope_key_rollup_sets SET generation = NULL WHERE scope_hash = $1", [hash]);
        expect(await sumAskedScopes()).toBe(1);
      }

      // Findings close: the sums are stale, and the page counts the accounts' rows again until summed.
      await d.pool.query("UPDATE findings SET status = 'CLOSED' WHERE arn IN (SELECT arn FROM findings WHERE status = 'ACTIVE' ORDER BY arn LIMIT $1)", [close]);
      const stale = await setState(d);
      expect(stale.generation).not.toBe(stale.current);
      await same("stale");
      expect(await sumAskedScopes()).toBe(1);
      await same("summed again");
    }), { numRuns: 15 });
    expect(marks, "runs whose sums were marked and read back").toBeGreaterThan(0);
  }, 180_000);

  it("are not kept for few accounts or an account filter, and forgotten when nobody asked for a while", async () => {
    const d = database();
    await d.pool.query("TRUNCATE findings CASCADE");
    await d.pool.query("DELETE FROM scope_key_rollup_sets");
    await addFinding(d, { account_id: A, finding_key: "CVE-2026-0009", vulnerability_id: "CVE-2026-0009", severity: "HIGH" });
    await groupFindings({ accountIds: [A, B] }, filter("group=cve"));
    await groupFindings(scope, filter(`group=cve&account=${A}`));
    expect((await d.pool.query("SELECT count(*)::int AS n FROM scope_key_rollup_sets")).rows[0].n).toBe(0);
    await groupFindings(scope, filter("group=cve"));
    expect(await sumAskedScopes()).toBe(1);
    expect((await d.pool.query("SELECT count(*)::int AS n FROM scope_key_rollups WHERE scope_hash = $1", [hash])).rows[0].n).toBe(2); // the key in its region and in ''
    await forgetUnaskedScopes();
    expect((await d.pool.query("SELECT count(*)::int AS n FROM scope_key_rollup_sets")).rows[0].n).toBe(1);
    await d.pool.query("UPDATE scope_key_rollup_sets SET asked_at = now() - interval '15 days'");
    await forgetUnaskedScopes();
    expect((await d.pool.query("SELECT count(*)::int AS n FROM scope_key_rollups")).rows[0].n).toBe(0);
    expect(await sumScope(hash), "a forgotten scope is not summed").toBe(false);
  });

  it("move the generation with every change to the key rollups, a truncation included, and with nothing else", async () => {
    const d = database();
    const n = async () => BigInt((await d.pool.query("SELECT n FROM key_rollups_generation")).rows[0].n);
    const start = await n();
    await addFinding(d, { account_id: A, finding_key: "CVE-2026-0010", vulnerability_id: "CVE-2026-0010" });
    const afterInsert = await n();
    expect(afterInsert).toBeGreaterThan(start);
    await d.pool.query("UPDATE accounts SET name = name"); // not the key rollups
    await d.pool.query("INSERT INTO scope_key_rollup_sets (scope_hash, account_ids, asked_at) VALUES ('x', '{}', now())");
    expect(await n()).toBe(afterInsert);
    await d.pool.query("TRUNCATE findings CASCADE");
    expect(await n()).toBeGreaterThan(afterInsert);
  });
});
