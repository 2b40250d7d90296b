// The audit page's filters on a real database: what the admin types matches itself, so "%" and "_"
// are characters, not wildcards, in the actor and the action.
import { beforeAll, describe, expect, it } from "vitest";
import { setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { recordAudit, type AuditAction } from "./audit";
import { listAudit, parseAuditFilter } from "./audit-query";

const database = setupQueryTestDatabase();
const actors = ["ops_bot", "opsXbot", "100% sure", "Alice Example"];

beforeAll(async () => {
  const add = (name: string, action: AuditAction) =>
    recordAudit(database().pool, { actor: { kind: "user", id: `id-${name}`, name }, action, target: null });
  for (const name of actors) await add(name, "sign_out");
  await add("Alice Example", "alerts.rule.saved");
  await add("Alice Example", "alerts.channel.saved");
});

const actorsOf = async (q: Record<string, string>) => (await listAudit(parseAuditFilter(q))).map((r) => r.actorName).sort();

describe("audit filters", () => {
  it("matches the actor's name as typed, in any case, with % and _ taken literally", async () => {
    expect(await actorsOf({ actor: "ops_bot" })).toEqual(["ops_bot"]);
    expect(await actorsOf({ actor: "%" })).toEqual(["100% sure"]);
    expect(await actorsOf({ actor: "ALICE" })).toEqual(["Alice Example", "Alice Example", "Alice Example"]);
    expect(await actorsOf({ actor: "id-opsXbot" })).toEqual(["opsXbot"]); // the actor's id, exactly
  });

  it("matches an action and the actions under it, with _ taken literally", async () => {
    const actions = async (action: string) => (await listAudit(parseAuditFilter({ action }))).map((r) => r.action).sort();
    expect(await actions("alerts.rule")).toEqual(["alerts.rule.saved"]);
    expect(await actions("alerts")).toEqual(["alerts.channel.saved", "alerts.rule.saved"]);
    expect(await actions("sign_out")).toHaveLength(actors.length);
    expect(await actions("sign")).toEqual([]); // a prefix of a name is not a parent action
    expect(await actions("alerts_rule")).toEqual([]);
  });

  it("leaves out a date the database has no day for (year 0000, which JavaScript's dates take), as any other unreadable date", async () => {
    expect(parseAuditFilter({ from: "0000-01-01", to: "2026-02-30" })).toMatchObject({ from: undefined, to: undefined });
    expect(parseAuditFilter({ from: "2026-01-01" }).from).toBe("2026-01-01");
    expect(await actorsOf({ from: "0000-01-01" })).toEqual(await actorsOf({}));
  });
});
