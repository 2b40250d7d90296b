import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";
import { describeScopeRule, grantForGroups, permissionRules, type GroupMap } from "./group-map";

const map: GroupMap = {
  "sec-admins": { role: "admin", scope: { all: true } },
  "prod-eng": { role: "analyst", scope: { ous: ["Production"] } },
  "payments": { role: "viewer", scope: { owners: ["team-payments"] } },
};

describe("group map", () => {
  it("parses INSPECTORATE_OIDC_GROUP_MAP JSON, with \"all\" as a shorthand", () => {
    const e = parseEnv({ INSPECTORATE_OIDC_GROUP_MAP: '{"a":{"role":"viewer","scope":"all"},"b":{"role":"admin","scope":{"accounts":["111122223333"]}}}' });
    expect(e.INSPECTORATE_OIDC_GROUP_MAP).toEqual({ a: { role: "viewer", scope: { all: true } }, b: { role: "admin", scope: { accounts: ["111122223333"] } } });
  });

  it("names the variable and the bad entry in one line", () => {
    const bad = (v: string) => () => parseEnv({ INSPECTORATE_OIDC_GROUP_MAP: v });
    expect(bad("{nope")).toThrow(/^INSPECTORATE_OIDC_GROUP_MAP: expected JSON/);
    expect(bad('{"a":{"role":"owner","scope":"all"}}')).toThrow(/^INSPECTORATE_OIDC_GROUP_MAP: a\.role: /);
    expect(bad('{"a":{"role":"viewer","scope":{"ous":[]}}}')).toThrow(ConfigError);
    try {
      bad('{"a":{"role":"viewer","scope":{"teams":["x"]}}}')();
    } catch (err) {
      expect(String((err as Error).message)).not.toContain("\n");
    }
  });

  it("requires a client id and a public URL once an issuer is set", () => {
    expect(() => parseEnv({ INSPECTORATE_OIDC_ISSUER: "https://idp.example.com" })).toThrow(/^INSPECTORATE_OIDC_CLIENT_ID: required when/);
    const e = parseEnv({ INSPECTORATE_OIDC_ISSUER: "https://idp.example.com/", INSPECTORATE_OIDC_CLIENT_ID: "c", INSPECTORATE_PUBLIC_URL: "https://inspectorate.example.com/" });
    expect(e.INSPECTORATE_OIDC_ISSUER).toBe("https://idp.example.com/");
    expect(e.INSPECTORATE_PUBLIC_URL).toBe("https://inspectorate.example.com");
    expect(e.INSPECTORATE_OIDC_GROUPS_CLAIM).toBe("groups");
  });

  it("gives a user in several groups the highest role and every group's scope to read", () => {
    expect(grantForGroups(["payments", "prod-eng", "unmapped"], map)).toMatchObject({ role: "analyst", rules: [{ owners: ["team-payments"] }, { ous: ["Production"] }] });
    expect(grantForGroups(["unmapped"], map)).toBeNull();
    expect(grantForGroups([], map)).toBeNull();
  });

  it("scopes each permission to the groups that grant it", () => {
    const both = grantForGroups(["payments", "prod-eng"], map)!;
    const rules = permissionRules(both)!;
    expect(rules.read).toEqual([{ owners: ["team-payments"] }, { ous: ["Production"] }]);
    for (const p of ["exceptions", "freeze", "sync"] as const) expect(rules[p], p).toEqual([{ ous: ["Production"] }]);
    expect(rules.tokens).toBeUndefined(); // not a permission of the analyst role at all
    const all = permissionRules(grantForGroups(["sec-admins", "prod-eng"], map)!)!;
    expect(all.read).toEqual([{ all: true }, { ous: ["Production"] }]);
    expect(all.exceptions).toEqual([{ all: true }, { ous: ["Production"] }]);
    expect(all.tokens).toEqual([{ all: true }]);
    // Same role everywhere: one scope for everything.
    expect(permissionRules(grantForGroups(["prod-eng"], map)!)).toBeNull();
  });

  it("describes scopes for the admin page", () => {
    expect(describeScopeRule({ all: true })).toBe("whole organization");
    expect(describeScopeRule({ ous: ["A", "B"] })).toBe("OU A, B");
  });
});
