// The users list's cap (USERS_SHOWN, newest by last sign-in) applies after a scoped admin's filter:
// their own users are listed even when hundreds of newer ones lie beyond their scope, and the count
// says how many there are in all.
import { beforeAll, describe, expect, it } from "vitest";
import { addAccount, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import type { Actor } from "./actor";
import { saveMapping } from "./access-mapping-store";
import { localActor } from "./local-actor";
import { listUserAccess } from "./user-access";
import { USERS_SHOWN } from "./users";

const database = setupQueryTestDatabase();
const A = "111111111111", B = "222222222222";
const payAdmin: Actor = { kind: "user", id: "u-pay", name: "pay-admin@example.com", role: "admin", scope: { accountIds: [A] } };

/** `n` users of `groups`, signed in `hoursAgo` (and a second apart), in one statement. */
const addUsers = (prefix: string, n: number, groups: string[], hoursAgo: number) => database().pool.query(
  `INSERT INTO users (id, issuer, subject, email, groups, last_sign_in_at)
   SELECT gen_random_uuid(), 'https://idp.example', $1 || i, $1 || i || '@example.com', $3::text[], now() - make_interval(hours => $4) - make_interval(secs => i)
   FROM generate_series(1, $2::int) AS i`,
  [prefix, n, groups, hoursAgo],
);

beforeAll(async () => {
  await addAccount(database(), A, { ou_name: "Payments" });
  await addAccount(database(), B, { ou_name: "Search" });
  await saveMapping(localActor, "u-pay", { role: "viewer", scope: { accounts: [A] } });
  await saveMapping(localActor, "u-search", { role: "viewer", scope: { accounts: [B] } });
  await addUsers("search", USERS_SHOWN, ["u-search"], 1); // the newest: all beyond the scoped admin
  await addUsers("pay", 3, ["u-pay"], 2);
  await addUsers("nogroup", 2, ["unmapped"], 3);
});

describe("the users list's cap", () => {
  it("keeps a scoped admin's own users however many newer ones lie beyond their scope", async () => {
    const seen = await listUserAccess(payAdmin);
    expect(seen.users.map((u) => u.user.email)).toEqual(["pay1@example.com", "pay2@example.com", "pay3@example.com"]);
    expect(seen.total).toBe(3);
    const capped = await listUserAccess(payAdmin, 2);
    expect([capped.users.map((u) => u.user.email), capped.total]).toEqual([["pay1@example.com", "pay2@example.com"], 3]);
  });

  it("shows a whole-organization admin the newest USERS_SHOWN and counts them all, those of no access too", async () => {
    const all = await listUserAccess(localActor);
    expect(all.users).toHaveLength(USERS_SHOWN);
    expect(all.users[0].user.email).toBe("search1@example.com");
    expect(all.total).toBe(USERS_SHOWN + 5);
  });
});
