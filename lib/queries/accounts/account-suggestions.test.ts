import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { accountQuerySchema, accountSuggestionLimit, suggestAccounts } from "./account-suggestions";
import { GET } from "@/app/api/accounts/suggest/route";

const database = setupQueryTestDatabase();
const id = (n: number) => String(100000000000 + n);

beforeAll(async () => {
  const d = database();
  await addAccount(d, "111111111111", { name: "payments-prod" });
  await addAccount(d, "222222222222", { name: "prod-payments" });
  await addAccount(d, "333333333333", { name: "ledger_100%" });
  await addAccount(d, "444444444444", { name: null });
  // More accounts than one answer holds.
  for (let n = 0; n < 30; n++) await addAccount(d, id(n), { name: `sandbox-${String(n).padStart(2, "0")}` });
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe("account suggestions", () => {
  it("match part of a name, names starting with it first, whatever the case", async () => {
    expect(ids(await suggestAccounts(allScope, "PAYMENTS"))).toEqual(["111111111111", "222222222222"]);
    expect(ids(await suggestAccounts(allScope, "prod"))).toEqual(["222222222222", "111111111111"]);
  });

  it("match the start of an id, an account without a name included", async () => {
    expect(await suggestAccounts(allScope, "4444")).toEqual([{ id: "444444444444", name: null }]);
    expect(await suggestAccounts(allScope, "44444444444x")).toEqual([]);
  });

  it("take LIKE's wildcards literally", async () => {
    expect(ids(await suggestAccounts(allScope, "_100%"))).toEqual(["333333333333"]);
    expect(ids(await suggestAccounts(allScope, "%"))).toEqual(["333333333333"]);
    expect(await suggestAccounts(allScope, "ledger\\")).toEqual([]);
  });

  it("stop at the limit, in name order, and stay within the viewer's scope", async () => {
    const first = await suggestAccounts(allScope, "sandbox");
    expect(first).toHaveLength(accountSuggestionLimit);
    expect(first.map((r) => r.name)).toEqual(Array.from({ length: accountSuggestionLimit }, (_, n) => `sandbox-${String(n).padStart(2, "0")}`));
    expect(await suggestAccounts(allScope, "")).toHaveLength(accountSuggestionLimit);
    expect(ids(await suggestAccounts({ accountIds: ["222222222222", id(3)] }, ""))).toEqual(["222222222222", id(3)]);
    expect(await suggestAccounts({ accountIds: [] }, "payments")).toEqual([]);
  });

  it("refuse a question longer than an id or name could match", () => {
    const r = accountQuerySchema.safeParse("x".repeat(65));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/at most 64 characters/);
  });
});

describe("GET /api/accounts/suggest", () => {
  it("answers the matching accounts as JSON, not cached", async () => {
    const res = await GET(new Request("http://127.0.0.1:3000/api/accounts/suggest?q=payments"));
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ accounts: [{ id: "111111111111", name: "payments-prod" }, { id: "222222222222", name: "prod-payments" }] });
  });

  it("answers 400 naming q when it is too long", async () => {
    const res = await GET(new Request(`http://127.0.0.1:3000/api/accounts/suggest?q=${"a".repeat(80)}`));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe("Invalid filter: q");
    expect(body.issues).toEqual([{ field: "q", message: expect.stringMatching(/64/) }]);
  });
});
