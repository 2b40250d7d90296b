// The SLA section's account table and findings list at a large organization: the most breached
// accounts and most overdue findings, and a link to every one of them; all of them once asked for.
// Rendered with React's server renderer.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SlaAccountRow, SlaFinding, SlaSection as Sla } from "@/lib/queries/review/review-types";
import { SLA_ACCOUNTS_SHOWN, SlaSection } from "./sla-section";

const rows: SlaAccountRow[] = Array.from({ length: 40 }, (_, i) => ({
  accountId: String(100000000000 + i), accountName: `acct-${i}`, owner: "Unowned", ouName: null, breached: 40 - i, dueSoon: 0, excepted: 0,
}));
const sla: Sla = {
  policy: { CRITICAL: 15, HIGH: 30 } as Sla["policy"], dueSoonDays: 7, totals: { breached: 820, dueSoon: 0, excepted: 0 },
  byAccount: rows, byOwner: [{ owner: "Unowned", accountIds: rows.map((r) => r.accountId), breached: 820, dueSoon: 0, excepted: 0 }], findings: [],
};
const render = (allAccountsHref?: string) => renderToStaticMarkup(createElement(SlaSection, { sla, asOf: "2026-12-03T12:00:00.000Z", group: { kind: "org", accountIds: [] }, allAccountsHref }));
const accountRows = (html: string) => html.split('data-testid="sla-by-account"')[1].split("</table>")[0].match(/<tr /g)!.length - 1;

describe("the SLA section's accounts", () => {
  it("shows the most breached accounts and links to all of them", () => {
    const html = render("/review?accounts=all#sla-by-account");
    expect(accountRows(html)).toBe(SLA_ACCOUNTS_SHOWN);
    expect(html).toContain(`By account (${SLA_ACCOUNTS_SHOWN} most breached of 40)`);
    expect(html).toContain("acct-0<");
    expect(html).not.toContain(`acct-${SLA_ACCOUNTS_SHOWN}<`);
    expect(html).toMatch(/href="\/review\?accounts=all#sla-by-account"[^>]*>Show all 40 accounts/);
  });

  it("shows every account when they were asked for", () => {
    const html = render(undefined);
    expect(accountRows(html)).toBe(40);
    expect(html).not.toContain("Show all");
    expect(html).toContain(">By account<");
  });
});

const findings: SlaFinding[] = Array.from({ length: 40 }, (_, i) => ({
  arn: `arn:aws:inspector2:us-east-1:100000000000:finding/f${i}`, title: `finding-${i}`, severity: "CRITICAL", accountId: "100000000000",
  accountName: "acct-0", owner: "Unowned", resourceId: `i-${i}`, vulnerabilityId: null, firstObservedAt: "2026-01-01T00:00:00.000Z",
  dueAt: "2026-01-16T00:00:00.000Z", state: "breached", excepted: i >= 37,
}));
const renderFindings = (allFindingsHref?: string) =>
  renderToStaticMarkup(createElement(SlaSection, { sla: { ...sla, totals: { breached: 352_703, dueSoon: 0, excepted: 3 }, findings }, asOf: "2026-12-03T12:00:00.000Z", group: { kind: "org", accountIds: [] }, allFindingsHref }));
const listed = (html: string, testId: string) => [...html.split(`data-testid="${testId}"`)[1].split("</table>")[0].matchAll(/data-arn="[^"]*f(\d+)"/g)].map((m) => Number(m[1]));

describe("the SLA section's findings", () => {
  it("lists the 15 most overdue open findings and links to all of them, with none rendered hidden", () => {
    const html = renderFindings("/review?slaFindings=all#sla-findings-list");
    expect(listed(html, "sla-findings")).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(html).toMatch(/href="\/review\?slaFindings=all#sla-findings-list"[^>]*>Show all 37 \(22 more\)/);
    expect(html).not.toContain("finding-15<");
    expect(html).toContain("Breached and about to breach (37 of 352,703, most overdue first)");
    // The excepted ones are their own list, whole.
    expect(listed(html, "sla-excepted-findings")).toEqual([37, 38, 39]);
  });

  it("lists every open finding when they were asked for", () => {
    const html = renderFindings(undefined);
    expect(listed(html, "sla-findings")).toEqual(Array.from({ length: 37 }, (_, i) => i));
    expect(html).not.toContain("Show all");
  });
});
