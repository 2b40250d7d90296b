// Every page of the app, with ids taken from the demo organization, for the layout and a11y specs.
import { expect, type APIRequestContext } from "@playwright/test";

/** `axe`: whether the accessibility audit runs at this width too. Both phone widths lay the page out by
 *  the same rules (no breakpoint of the app falls below 480 px), and whatever scrolls inside the page
 *  at 390 px scrolls at 320 px too, so the narrower one carries the phone's audit
 *  (scrollable-region-focusable is the rule that differs with the width). */
export const viewports = [
  { name: "phone", width: 390, height: 844, axe: false },
  { name: "narrow phone", width: 320, height: 640, axe: true },
  { name: "desktop", width: 1440, height: 900, axe: true },
] as const;

/** The demo finding whose description carries a long unbroken base64 string (emulator catalogue). */
export const longDescriptionCve = "CVE-2023-45853";

export const pageNames = ["overview", "accounts", "account-detail", "coverage", "coverage-resources", "findings", "findings-grouped", "finding-detail", "review", "sync",
  "gate", "gate-policies", "admin-access", "admin-tokens", "admin-audit",
  "admin-alerts", "admin-alert-log"] as const;
export type PageName = (typeof pageNames)[number];

export async function pagePaths(request: APIRequestContext): Promise<Record<PageName, string>> {
  const list = await request.get(`/api/findings?cve=${longDescriptionCve}&status=ACTIVE&status=SUPPRESSED&status=CLOSED&limit=1`);
  expect(list.ok()).toBe(true);
  const [finding] = (await list.json()).rows as { arn: string; account_id: string }[];
  expect(finding, `a demo finding of ${longDescriptionCve}`).toBeTruthy();
  return {
    overview: "/",
    accounts: "/accounts",
    "account-detail": `/accounts/${finding.account_id}`,
    coverage: "/coverage",
    "coverage-resources": "/coverage/resources",
    findings: "/findings",
    "findings-grouped": "/findings?group=cve",
    "finding-detail": `/findings/${encodeURIComponent(finding.arn)}`,
    review: "/review",
    sync: "/sync",
    gate: "/gate",
    "gate-policies": "/gate/policies",
    "admin-access": "/admin/access",
    "admin-tokens": "/admin/tokens",
    "admin-audit": "/admin/audit",
    "admin-alerts": "/admin/alerts",
    "admin-alert-log": "/admin/alert-log",
  };
}
