// The mappings table offers "Remove" only where the server would allow it (ListedMapping.removable,
// computed by mappingsFor with deleteMapping's own test), and says why not otherwise.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ListedMapping } from "@/lib/auth/access-mapping-store";
import { GroupMappingTable } from "./group-mapping-table";

const row = (group: string, extra: Partial<ListedMapping>): ListedMapping => ({
  group, role: "analyst", scope: { accounts: ["111111111111"] }, source: "app", updatedBy: "ada", updatedAt: null, removable: true, ...extra,
});
const cell = (html: string, group: string) => html.split(`>${group}</td>`)[1].split("</tr>")[0];

describe("the group mappings table", () => {
  it("shows no Remove button, but the reason, for an override whose environment mapping is wider than the admin", () => {
    const html = renderToStaticMarkup(createElement(GroupMappingTable, { rows: [
      row("ops", { overrides: "viewer, a scope wider than yours", removable: false }),
      row("pay", { overrides: "viewer, accounts 111111111111" }),
      row("team", {}),
      row("env-only", { source: "environment", removable: false }),
    ] }));
    expect(cell(html, "ops")).not.toContain("<button");
    expect(cell(html, "ops")).toContain("Not removable: the environment&#x27;s mapping would come back, wider than your admin scope");
    expect(cell(html, "pay")).toContain("Remove (back to the environment&#x27;s viewer, accounts 111111111111)");
    expect(cell(html, "team")).toMatch(/<button[^>]*>Remove<\/button>/);
    expect(cell(html, "env-only")).not.toMatch(/<button|Not removable/);
  });
});
