// Organizations throttles the two or three calls each account's OU and tags cost, so a first load of
// thousands of accounts read them before listing any finding. They are read beside the findings
// listing now and written before the run ends. Real SDK against the emulator with those calls
// throttled, real Postgres; what the cache ends with is checked against a plain SDK read.
import { describe, expect, it } from "vitest";
import { DescribeOrganizationalUnitCommand, ListAccountsCommand, ListParentsCommand, ListTagsForResourceCommand } from "@aws-sdk/client-organizations";
import { organizations } from "@/emulator/test-support";
import { startSyncWorld } from "./test-support";

describe("the accounts' OUs and owner tags under Organizations' throttling", () => {
  it("writes findings before the last account's tags are read, and ends with every account's OU and tags", async () => {
    const w = await startSyncWorld({ accounts: 10, findings: 400, regions: ["us-east-1"], throttle: { ListParents: 2, ListTagsForResource: 2 } }, { maxAttempts: 10 });
    try {
      const accounts = w.emu.accountIds().length;
      let tagsReadAtFirstBatch: number | undefined;
      const r = await w.sync({ afterBatch: () => void (tagsReadAtFirstBatch ??= w.emu.stats().requests.ListTagsForResource ?? 0) });
      expect(r.outcome).toBe("SUCCEEDED");
      expect(w.emu.stats().throttled).toBeGreaterThan(0); // the limit was really hit
      expect(tagsReadAtFirstBatch).toBeDefined();
      expect(tagsReadAtFirstBatch!).toBeLessThan(accounts / 2); // the listing did not wait for the tags
      const [{ notes }] = (await w.database.pool.query("SELECT notes FROM sync_runs WHERE id = $1", [r.runId])).rows;
      expect(notes.filter((n: { kind: string }) => n.kind === "organizations")).toEqual([]); // every OU and tag was read

      w.emu.setOptions({ throttle: {} });
      const org = organizations(w.emu);
      const expected: Record<string, { ou_name: string | null; owner: string | null; team: string | null }> = {};
      for (const a of (await org.send(new ListAccountsCommand({}))).Accounts ?? []) {
        const parent = (await org.send(new ListParentsCommand({ ChildId: a.Id! }))).Parents?.[0];
        const ou = parent?.Type === "ORGANIZATIONAL_UNIT" ? (await org.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: parent.Id! }))).OrganizationalUnit?.Name ?? null : "Root";
        const tags = (await org.send(new ListTagsForResourceCommand({ ResourceId: a.Id! }))).Tags ?? [];
        const tag = (k: string) => tags.find((t) => t.Key?.toLowerCase() === k)?.Value ?? null;
        expected[a.Id!] = { ou_name: ou, owner: tag("owner"), team: tag("team") };
      }
      org.destroy();
      expect(Object.keys(expected)).toHaveLength(accounts);
      const { rows } = await w.database.pool.query("SELECT id, ou_name, owner, team FROM accounts");
      expect(Object.fromEntries(rows.map(({ id, ...rest }) => [id, rest]))).toEqual(expected);
    } finally {
      await w.close();
    }
  }, 120_000);

  it("stops reading them when the run is stopped, and makes no call after the run has ended", async () => {
    const w = await startSyncWorld({ accounts: 10, findings: 400, regions: ["us-east-1"], throttle: { ListParents: 1, ListTagsForResource: 1 } }, { maxAttempts: 10 });
    try {
      const stop = new AbortController();
      const r = await w.sync({ signal: stop.signal, afterBatch: () => stop.abort("stopped by the test") });
      expect(r.outcome).toBe("FAILED");
      const calls = () => (w.emu.stats().requests.ListParents ?? 0) + (w.emu.stats().requests.ListTagsForResource ?? 0);
      const atEnd = calls();
      await new Promise((ok) => setTimeout(ok, 2_500));
      expect(calls()).toBe(atEnd);
    } finally {
      await w.close();
    }
  }, 120_000);
});
