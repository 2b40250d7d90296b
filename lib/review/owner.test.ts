import { describe, expect, it } from "vitest";
import { ownerMap, resolveOwner } from "./owner";

const a = { id: "111111111111", owner: "alice@example.com", team: "payments", ouName: "Production" };

describe("owner resolution", () => {
  it("prefers the config override, then team tag, owner tag, OU", () => {
    expect(resolveOwner(a, { "111111111111": "platform" })).toEqual({ owner: "platform", source: "config" });
    expect(resolveOwner(a, {})).toEqual({ owner: "payments", source: "team-tag" });
    expect(resolveOwner({ ...a, team: " " }, {})).toEqual({ owner: "alice@example.com", source: "owner-tag" });
    expect(resolveOwner({ ...a, team: null, owner: null }, {})).toEqual({ owner: "Production", source: "ou" });
    expect(resolveOwner({ id: "2", team: null, owner: null, ouName: null }, {})).toEqual({ owner: "Unowned", source: "none" });
  });
  it("maps accounts to owners", () => {
    expect(ownerMap([a], {}).get(a.id)).toBe("payments");
  });
});
