// An account's owning team follows Organizations and INSPECTORATE_OWNERS both ways: a Team tag or a
// configured owner that goes away clears the team the cache held (it stayed for good before), while a
// sync that could not read the tags keeps it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSyncWorld, type SyncWorld } from "../test-support";
import { accountIdentity } from "./account-identity";
import { upsertAccounts } from "./write-accounts";

describe("an account's owner when its Team tag or configured owner goes", () => {
  let w: SyncWorld;
  let id: string;
  const stored = async () => (await w.database.pool.query("SELECT owner, team FROM accounts WHERE id = $1", [id])).rows[0];
  beforeAll(async () => {
    w = await startSyncWorld({ findings: 200, regions: ["us-east-1"] });
    id = w.emu.accountIds().find((a) => a !== w.emu.adminAccountId && a !== w.emu.managementAccountId)!;
  }, 120_000);
  afterAll(() => w?.close());

  it("takes the configured owner, then the Team tag, and nothing once neither is left", async () => {
    expect((await w.sync({ config: { ...w.config, owners: { [id]: "secops" } } })).outcome).toBe("SUCCEEDED");
    expect((await stored()).team).toBe("secops");
    await w.sync({ full: true }); // the entry removed from INSPECTORATE_OWNERS
    const tagged = (await stored()).team;
    expect(tagged).toEqual(expect.any(String));
    expect(tagged).not.toBe("secops");

    expect(w.emu.change("untagTeam", id)).toBe(true); // someone removes the Team tag in Organizations
    await w.sync({ config: { ...w.config, owners: { [id]: "secops" } }, full: true });
    expect((await stored()).team).toBe("secops");
    await w.sync({ full: true });
    expect(await stored()).toMatchObject({ team: null, owner: expect.any(String) }); // the Owner tag is still there
  });

  it("keeps what it held when the tags could not be read this time", async () => {
    await w.database.pool.query("UPDATE accounts SET owner = 'alice@example.com', team = 'payments' WHERE id = $1", [id]);
    const unread = { ...accountIdentity(id, undefined, {}, {}), tagsRead: false };
    await upsertAccounts(w.database.pool, [unread], w.emu.adminAccountId, w.emu.now());
    expect(await stored()).toMatchObject({ owner: "alice@example.com", team: "payments" });
    await upsertAccounts(w.database.pool, [{ ...unread, tagsRead: true }], w.emu.adminAccountId, w.emu.now());
    expect(await stored()).toMatchObject({ owner: null, team: null });
  });
});
