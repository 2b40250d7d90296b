// Every page of the app, with ids taken from the demo organization, for the layout and a11y specs.
import { expect, type APIRequestContext } from "@playwright/test";

export interface AppPage {
  name: string;
  path: string;
}

export const viewports = [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1440, height: 900 },
] as const;

/** The demo finding whose description carries a long unbroken base64 string (emulator catalogue). */
export const longDescriptionCve = "CVE-2023-45853";

export async function everyPage(request: APIRequestContext): Promise<AppPage[]> {
  const list = await request.get(`/api/findings?cve=${longDescriptionCve}&status=ACTIVE&status=SUPPRESSED&status=CLOSED&limit=1`);
  expect(list.ok()).toBe(true);
  const [finding] = (await list.json()).rows as { arn: string; account_id: string }[];
  expect(finding, `a demo finding of ${longDescriptionCve}`).toBeTruthy();
  return [
    { name: "overview", path: "/" },
    { name: "accounts", path: "/accounts" },
    { name: "account-detail", path: `/accounts/${finding.account_id}` },
    { name: "coverage", path: "/coverage" },
    { name: "coverage-resources", path: "/coverage/resources" },
    { name: "findings", path: "/findings" },
    { name: "findings-grouped", path: "/findings?group=cve" },
    { name: "finding-detail", path: `/findings/${encodeURIComponent(finding.arn)}` },
    { name: "review", path: "/review" },
    { name: "sync", path: "/sync" },
  ];
}
