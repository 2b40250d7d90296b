// The alert filter's chip names the rule the page looked up ("Alerted by: “Critical in prod” (run 42)"),
// escaped like any text, and falls back to its id when the page found no name for that value.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";
import type { AlertRuleName } from "@/lib/queries/findings/alert-ref";
import { ActiveFilters } from "./active-filters";

const render = (qs: string, alertRule?: AlertRuleName | null) =>
  renderToStaticMarkup(createElement(ActiveFilters, { filter: parseFindingsFilter(new URLSearchParams(qs)).filter, onApply: () => {}, alertRule }));

describe("the alert filter's chip", () => {
  it("shows the rule's name for the value it was looked up for", () => {
    const html = render("alert=3:42", { ref: "3:42", name: "Critical <in> prod" });
    // The value whole in its tooltip too: a long name is cut at 16rem in the chip.
    expect(html).toContain("Alerted by:</span><span class=\"max-w-[16rem] truncate\" title=\"“Critical &lt;in&gt; prod” (run 42)\">“Critical &lt;in&gt; prod” (run 42)</span>");
  });

  it("shows the rule's id when the rule is gone or the name belongs to another value", () => {
    expect(render("alert=3:42")).toContain(">rule #3 (run 42)</span>");
    expect(render("alert=3:42", null)).toContain(">rule #3 (run 42)</span>");
    expect(render("alert=3:43", { ref: "3:42", name: "Critical in prod" })).toContain(">rule #3 (run 43)</span>");
  });
});
