// The alert rules table on a phone: with no rules a sentence replaces it (no row of eight headers
// squeezed into 390 px); with rules the headers keep to one line and the table scrolls in its box.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { StoredRule } from "@/lib/alerts/rule-config";
import { RulesTable } from "./rules-table";

const rule: StoredRule = {
  id: 7, name: "criticals", enabled: true, kind: "NEW_FINDINGS", minSeverity: "CRITICAL", scope: { ous: ["Payments"] },
  params: {} as StoredRule["params"], channelIds: [1], sinceRunId: 0, createdBy: null,
};
const render = (rules: StoredRule[]) => renderToStaticMarkup(createElement(RulesTable, { rules, reach: rules.map(() => ({ accounts: ["111111111111"] }) as never), channels: new Map([[1, "ops-slack"]]) }));

describe("the alert rules table", () => {
  it("is a sentence, not a header row, when there are no rules", () => {
    const html = render([]);
    expect(html).toContain("No rules yet.");
    expect(html).not.toMatch(/<table|<th/);
  });

  it("keeps each header on one line and scrolls inside its box when there are rules", () => {
    const html = render([rule]);
    expect(html).toMatch(/<div[^>]*data-scroll-area[^>]*overflow-x-auto/);
    expect(html).toMatch(/<table[^>]*\[&amp;_th\]:whitespace-nowrap/);
    expect(html).toContain(">From severity</th>");
    expect(html).toContain("<td>OU Payments</td><td>1 account</td><td>ops-slack</td>");
  });
});
