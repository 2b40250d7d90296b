import { describe, expect, it } from "vitest";
import { resolveOwner } from "@/lib/review/owner";
import { parseFindingsFilter } from "./findings/findings-filter";
import { searchFindings } from "./findings/findings-search";
import { resolvedOwnerSql } from "./owner-sql";
import { allScope } from "./scope";
import { Prisma, queryRows } from "./sql";
import { addAccount, addFinding, setupQueryTestDatabase } from "./test-fixtures";

const database = setupQueryTestDatabase();
const accounts = [
  { id: "100000000001", team: "payments", owner: "alice@example.com", ou_name: "Production" },
  { id: "100000000002", team: null, owner: "bob@example.com", ou_name: "Production" },
  { id: "100000000003", team: "  ", owner: null, ou_name: "Sandbox" },
  { id: "100000000004", team: null, owner: null, ou_name: null },
];

describe("resolvedOwnerSql", () => {
  it("resolves every account exactly as resolveOwner does (team, then Owner tag, then OU)", async () => {
    for (const a of accounts) await addAccount(database(), a.id, { team: a.team, owner: a.owner, ou_name: a.ou_name });
    const rows = await queryRows<{ id: string; owner: string }>(Prisma.sql`SELECT a.id, ${resolvedOwnerSql} AS owner FROM accounts a ORDER BY a.id`);
    const expected = accounts.map((a) => ({ id: a.id, owner: resolveOwner({ id: a.id, team: a.team, owner: a.owner, ouName: a.ou_name }, {}).owner }));
    expect(rows).toEqual(expected);
    expect(rows.map((r) => r.owner)).toEqual(["payments", "bob@example.com", "Sandbox", "Unowned"]);
  });

  it("drives the explorer's owner filter: the team wins over the Owner tag", async () => {
    await addFinding(database(), { account_id: "100000000001" });
    await addFinding(database(), { account_id: "100000000002" });
    const byTeam = await searchFindings(allScope, parseFindingsFilter(new URLSearchParams("owner=payments")).filter);
    expect(byTeam.rows.map((r) => r.account_id)).toEqual(["100000000001"]);
    const byTag = await searchFindings(allScope, parseFindingsFilter(new URLSearchParams("owner=alice@example.com")).filter);
    expect(byTag.rows).toEqual([]);
  });

  it("opens an account with findings but no accounts row under Unowned, as the review counts it", async () => {
    await addFinding(database(), { account_id: "100000000004" });
    await addFinding(database(), { account_id: "100000000009" });
    const unowned = await searchFindings(allScope, parseFindingsFilter(new URLSearchParams("owner=Unowned")).filter);
    expect(unowned.rows.map((r) => r.account_id).sort()).toEqual(["100000000004", "100000000009"]);
    const payments = await searchFindings(allScope, parseFindingsFilter(new URLSearchParams("owner=payments")).filter);
    expect(payments.rows.map((r) => r.account_id)).toEqual(["100000000001"]);
  });
});
