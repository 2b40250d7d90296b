// Organizations throttles the two or three calls each account's OU and tags cost, so a first load of
// thousands of accounts read them before listing any finding. They are read beside the findings
// listing now and written before the run ends. Real SDK against the emulator with those calls
// throttled, real Postgres; what the cache ends with is checked against a plain SDK read.
import { describe, expect, it } from "vitest";
import { DescribeOrganizationalUnitCommand, ListParentsCommand, ListTagsForResourceCommand, paginateListAccounts } from "@aws-sdk/client-organizations";
import type { Pool } from "pg";
import { organizations } from "@/emulator/test-support";
import type { EmulatorHandle, EmulatorOptions } from "@/emulator/server";
import type { SyncConfig } from "./sync-config";
import { startSyncWorld, type SyncWorld } from "./test-support";

/** Every account's OU (its parent's own name), Owner and Team, read one account at a time by a plain SDK client. */
async function readOrgPlainly(emu: EmulatorHandle) {
  const org = organizations(emu);
  const expected: Record<string, { ou_name: string | null; owner: string | null; team: string | null }> = {};
  for await (const page of paginateListAccounts({ client: org }, {})) {
    for (const a of page.Accounts ?? []) {
      const parent = (await org.send(new ListParentsCommand({ ChildId: a.Id! }))).Parents?.[0];
      const ou = parent?.Type === "ORGANIZATIONAL_UNIT" ? (await org.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: parent.Id! }))).OrganizationalUnit?.Name ?? null : "Root";
      const tags = (await org.send(new ListTagsForResourceCommand({ ResourceId: a.Id! }))).Tags ?? [];
      const tag = (k: string) => tags.find((t) => t.Key?.toLowerCase() === k)?.Value ?? null;
      expected[a.Id!] = { ou_name: ou, owner: tag("owner"), team: tag("team") };
    }
  }
  org.destroy();
  return expected;
}

const storedOrg = async (pool: Pool) =>
  Object.fromEntries((await pool.query("SELECT id, ou_name, owner, team FROM accounts")).rows.map(({ id, ...rest }) => [id, rest]));

const orgNotes = async (pool: Pool, runId: number) =>
  ((await pool.query("SELECT notes FROM sync_runs WHERE id = $1", [runId])).rows[0].notes as { kind: string; message: string; error?: string }[])
    .filter((n) => n.kind === "organizations").map(({ kind: _, ...n }) => n);

/** The OU and tag calls made by the time the run returned, once 2.5 s have shown that no more come. */
async function expectNoDetailsCallAfter(emu: EmulatorHandle): Promise<number> {
  const calls = () => (emu.stats().requests.ListParents ?? 0) + (emu.stats().requests.ListTagsForResource ?? 0);
  const atEnd = calls();
  await new Promise((ok) => setTimeout(ok, 2_500));
  expect(calls()).toBe(atEnd);
  return atEnd;
}

async function inWorld(o: EmulatorOptions, config: Partial<SyncConfig>, test: (w: SyncWorld) => Promise<void>) {
  const w = await startSyncWorld(o, config);
  try {
    await test(w);
  } finally {
    await w.close();
  }
}

describe("the accounts' OUs and owner tags under Organizations' throttling", () => {
  it("writes findings before the last account's tags are read, and ends with every account's OU and tags", async () => {
    await inWorld({ accounts: 10, findings: 400, regions: ["us-east-1"], throttle: { ListParents: 2, ListTagsForResource: 1 } }, { maxAttempts: 12 }, async (w) => {
      const accounts = w.emu.accountIds().length;
      let tagsReadAtFirstBatch: number | undefined;
      const phases: string[] = [];
      const r = await w.sync({
        afterBatch: () => void (tagsReadAtFirstBatch ??= w.emu.stats().requests.ListTagsForResource ?? 0),
        onProgress: (p) => void (phases.at(-1) !== p.phase && phases.push(p.phase)),
      });
      expect(r.outcome).toBe("SUCCEEDED");
      // Once the regions are listed, the run says it is finishing the OUs and tags (still throttled then).
      expect(phases.filter((p) => ["findings", "details", "snapshots"].includes(p))).toEqual(["findings", "details", "snapshots"]);
      expect(w.emu.stats().throttled).toBeGreaterThan(0); // the limit was really hit
      expect(tagsReadAtFirstBatch).toBeDefined();
      expect(tagsReadAtFirstBatch!).toBeLessThan(accounts); // the listing did not wait for the tags (it had asked for all 11, throttled or not)
      expect(await orgNotes(w.database.pool, r.runId)).toEqual([]); // every OU and tag was read

      w.emu.setOptions({ throttle: {} });
      const expected = await readOrgPlainly(w.emu);
      expect(Object.keys(expected)).toHaveLength(accounts);
      expect(await storedOrg(w.database.pool)).toEqual(expected);
      expect(w.emu.stats().requests.ListRoots ?? 0).toBe(0); // 11 accounts: each asked for its parent
    });
  }, 120_000);

  it("stops reading them when the run is stopped, and makes no call after the run has ended", async () => {
    await inWorld({ accounts: 10, findings: 400, regions: ["us-east-1"], throttle: { ListParents: 1, ListTagsForResource: 1 } }, { maxAttempts: 10 }, async (w) => {
      const stop = new AbortController();
      const r = await w.sync({ signal: stop.signal, afterBatch: () => stop.abort("stopped by the test") });
      expect(r.outcome).toBe("FAILED");
      await expectNoDetailsCallAfter(w.emu);
    });
  }, 120_000);

  it("stops reading them when the accounts step fails after they began, and makes no call after the run has ended", async () => {
    await inWorld({ accounts: 10, findings: 200, regions: ["us-east-1"], throttle: { ListParents: 1, ListTagsForResource: 1 } }, { maxAttempts: 10 }, async (w) => {
      // The step's database writes fail once the accounts are listed, after the OU and tag reads began.
      await w.database.pool.query(`CREATE FUNCTION refuse_account_regions() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'account_regions refused by the test'; END $$`);
      await w.database.pool.query("CREATE TRIGGER refuse BEFORE INSERT ON account_regions FOR EACH ROW EXECUTE FUNCTION refuse_account_regions()");
      const r = await w.sync({});
      expect(r.outcome).toBe("FAILED");
      const [{ error }] = (await w.database.pool.query("SELECT error FROM sync_runs WHERE id = $1", [r.runId])).rows;
      expect(error).toMatch(/account_regions refused by the test/);
      const atEnd = await expectNoDetailsCallAfter(w.emu);
      expect(atEnd).toBeGreaterThan(0); // they had begun
      expect(atEnd).toBeLessThan(2 * w.emu.accountIds().length); // and had not finished
    });
  }, 120_000);

  it("walks the OU tree (nested OUs, pages of 20) instead of asking each of 120 accounts for its parent", async () => {
    await inWorld({ accounts: 120, findings: 600, regions: ["us-east-1"], throttle: { ListAccountsForParent: 3, ListTagsForResource: 20 } }, { maxAttempts: 10 }, async (w) => {
      const accounts = w.emu.accountIds().length;
      const r = await w.sync({});
      expect(r.outcome).toBe("SUCCEEDED");
      const calls = w.emu.stats().requests;
      expect(calls.ListParents ?? 0).toBe(0);
      expect(calls.DescribeOrganizationalUnit ?? 0).toBe(0);
      const treeCalls = (calls.ListRoots ?? 0) + (calls.ListOrganizationalUnitsForParent ?? 0) + (calls.ListAccountsForParent ?? 0);
      expect(treeCalls).toBeLessThan(accounts / 4); // against one ListParents per account
      expect(w.emu.stats().throttled).toBeGreaterThan(0);
      expect(await orgNotes(w.database.pool, r.runId)).toEqual([]);
      w.emu.setOptions({ throttle: {} });
      const expected = await readOrgPlainly(w.emu);
      expect(Object.keys(expected)).toHaveLength(accounts);
      expect(new Set(Object.values(expected).map((e) => e.ou_name))).toContain("Production"); // nested in Workloads
      // An OU of more than one page: without following NextToken its later accounts would be asked for their parent.
      const perOu = Object.values(expected).reduce((m, e) => m.set(e.ou_name, (m.get(e.ou_name) ?? 0) + 1), new Map<string | null, number>());
      expect(Math.max(...perOu.values())).toBeGreaterThan(20);
      expect(await storedOrg(w.database.pool)).toEqual(expected);
    });
  }, 120_000);

  it("asks each account for its parent when the role may not walk the tree, and says so on the run", async () => {
    await inWorld({ accounts: 40, findings: 300, regions: ["us-east-1"], deniedActions: ["organizations:ListAccountsForParent"] }, { maxAttempts: 3 }, async (w) => {
      const r = await w.sync({});
      expect(r.outcome).toBe("SUCCEEDED");
      expect(w.emu.stats().requests.ListParents).toBe(w.emu.accountIds().length);
      const notes = await orgNotes(w.database.pool, r.runId);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toEqual({
        message: "OUs read one account at a time: the organization's tree could not be walked; allowing organizations:ListRoots, ListOrganizationalUnitsForParent and ListAccountsForParent takes fewer calls",
        error: "organizations:ListAccountsForParent: ACCESS_DENIED",
      });
      expect(await storedOrg(w.database.pool)).toEqual(await readOrgPlainly(w.emu));
    });
  }, 120_000);

  it("falls back the same when the walk is throttled past its retries, without the permissions advice", async () => {
    await inWorld({ accounts: 40, findings: 300, regions: ["us-east-1"], throttle: { ListAccountsForParent: 0.01 } }, { maxAttempts: 2 }, async (w) => {
      const r = await w.sync({});
      expect(r.outcome).toBe("SUCCEEDED");
      expect(w.emu.stats().throttled).toBeGreaterThan(0);
      const notes = await orgNotes(w.database.pool, r.runId);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toEqual({ message: "OUs read one account at a time: the organization's tree could not be walked", error: "organizations:ListAccountsForParent: THROTTLED" });
      w.emu.setOptions({ throttle: {} });
      expect(await storedOrg(w.database.pool)).toEqual(await readOrgPlainly(w.emu));
    });
  }, 120_000);
});
