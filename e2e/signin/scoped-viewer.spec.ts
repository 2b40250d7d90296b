import { expect, test, type Browser, type Page } from "@playwright/test";
import { SCOPED_OU } from "../oidc/test-idp-config";
import { signIn } from "./sign-in";
import { attachScreenshot } from "../screenshots";
import { sidewaysOverflow } from "../layout-probe";

type AccountRow = { id: string; name: string; ou: string };

async function signedIn(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signIn(page, login);
  return page;
}

async function accountRows(page: Page): Promise<AccountRow[]> {
  await page.goto("/accounts");
  await expect(page.getByTestId("accounts-table").locator("tbody tr").first()).toBeVisible();
  return page.getByTestId("accounts-table").locator("tbody tr").evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.querySelector("td .font-mono")?.textContent?.trim() ?? "",
      name: tr.querySelector("td a")?.textContent?.trim() ?? "",
      ou: (tr.querySelectorAll("td")[1]?.childNodes[0]?.textContent ?? "").trim(),
    })),
  );
}

const total = async (page: Page, query: string) => ((await (await page.request.get(`/api/findings?limit=1&${query}`)).json()) as { total: number }).total;
const csvRows = async (page: Page, query: string) => (await (await page.request.get(`/api/findings/export?${query}`)).text()).trimEnd().split("\r\n").slice(1);

test(`a viewer scoped to the ${SCOPED_OU} OU sees only its accounts on every page, API and export`, async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const admin = await signedIn(browser, "ada.admin");
  const viewer = await signedIn(browser, "vic.viewer");
  await expect(viewer.getByTestId("signed-in-role")).toHaveText(/viewer/i);

  const all = await accountRows(admin);
  const inside = all.filter((a) => a.ou === SCOPED_OU);
  const outside = all.filter((a) => a.ou !== SCOPED_OU);
  expect(inside.length).toBeGreaterThan(1);
  expect(outside.length).toBeGreaterThan(1);

  // Accounts page: exactly the OU's accounts, and the header counts them as the viewer's, not the organization's.
  expect((await accountRows(viewer)).map((a) => a.id).sort()).toEqual(inside.map((a) => a.id).sort());
  await expect(viewer.locator("main h1 + p").first()).toContainText(`Your ${inside.length} accounts`);
  await expect(admin.locator("main h1 + p").first()).toContainText(/^\d+ accounts in the organization/);
  await viewer.goto("/");
  await expect(viewer.getByText("Open Amazon Inspector findings across your accounts")).toBeVisible();
  await admin.goto("/");
  await expect(admin.getByText("Open Amazon Inspector findings across the organization")).toBeVisible();

  // Findings API and CSV export: the viewer's unfiltered counts equal the admin's OU-filtered ones.
  const ou = `ou=${encodeURIComponent(SCOPED_OU)}`;
  const adminTotal = await total(admin, ou);
  expect(adminTotal).toBeGreaterThan(0);
  expect(await total(viewer, "")).toBe(adminTotal);
  expect(await total(viewer, "severity=CRITICAL")).toBe(await total(admin, `${ou}&severity=CRITICAL`));
  const viewerCsv = await csvRows(viewer, "");
  expect(viewerCsv.length).toBe((await csvRows(admin, ou)).length);
  const insideIds = new Set(inside.map((a) => a.id));
  for (const line of viewerCsv) expect(insideIds.has(line.split(",")[1])).toBe(true);

  // Asking for an outside account by filter finds nothing; its page and its findings answer 404.
  const stranger = outside.find((a) => a.name !== a.id) ?? outside[0];
  expect(await total(viewer, `account=${stranger.id}`)).toBe(0);
  expect((await viewer.goto(`/accounts/${stranger.id}`))?.status()).toBe(404);
  const strangerArn = (await csvRows(admin, `account=${stranger.id}`))[0]?.split(",")[0];
  if (strangerArn) {
    expect((await admin.goto(`/findings/${encodeURIComponent(strangerArn)}`))?.status()).toBe(200);
    expect((await viewer.goto(`/findings/${encodeURIComponent(strangerArn)}`))?.status()).toBe(404);
  }

  // Every page and the review exports name no outside account.
  // Also the in-scope account pages (CIS scans, cost), the optional CIS review section, every image,
  // and the heatmap's on-demand rows: organization-level ARNs there name accounts outside the scope.
  const pages = ["/", "/?inUse=all", "/findings", "/findings?inUse=all", "/coverage", "/coverage/resources", "/accounts", "/review", "/review?cis=1", "/sync",
    "/api/review", "/api/review/csv", "/api/overview/heatmap", ...inside.map((a) => `/accounts/${a.id}`)];
  for (const path of pages) {
    const res = await viewer.request.get(path);
    expect(res.status(), path).toBe(200);
    const body = await res.text();
    for (const a of outside) expect(body.includes(a.id), `${path} shows ${a.id}`).toBe(false);
  }

  // The last run's notes name accounts across the organization: the admin reads them, the viewer is told
  // they exist and that they are not theirs to see.
  await admin.goto("/sync");
  await expect(admin.getByTestId("sync-notes")).toContainText("Demo data: synced from the bundled emulator's demo organization");
  await viewer.goto("/sync");
  await expect(viewer.getByTestId("sync-notes")).toContainText(/\d+ notes?: no access/);
  await expect(viewer.getByTestId("sync-notes")).not.toContainText("Demo data");
  // A viewer may not start a run: the button says so rather than being refused after a click.
  await expect(admin.getByRole("button", { name: "Sync now" })).toBeEnabled();
  await expect(viewer.getByRole("button", { name: "Sync now" })).toBeDisabled();
  await expect(viewer.getByRole("button", { name: "Sync now" })).toHaveAccessibleDescription("The viewer role cannot start a sync; an analyst or an admin can.");
  await attachScreenshot(viewer, testInfo, "sync-scoped-viewer");
  // On a phone too: the same notice, and nothing scrolls sideways.
  await viewer.setViewportSize({ width: 390, height: 844 });
  await viewer.reload();
  await expect(viewer.getByTestId("sync-notes")).toContainText(/\d+ notes?: no access/);
  const { overflow, culprits } = await sidewaysOverflow(viewer);
  expect(overflow, `the scoped viewer's Sync page at 390 px scrolls sideways: ${culprits.join(" › ")}`).toBeLessThanOrEqual(0);
  await attachScreenshot(viewer, testInfo, "sync-scoped-viewer-390");

  // Today's review: the admin records exceptions from the SLA table and the form; the viewer reads
  // the same review without them, told why.
  await admin.goto("/review");
  await expect(admin.getByTestId("sla-findings").getByTestId("add-exception").first()).toBeVisible();
  await expect(admin.getByTestId("exception-form")).toBeVisible();
  await expect(admin.getByTestId("live-label")).toContainText("freeze it at the meeting to keep this record");
  await expect(admin.getByLabel("Group")).toHaveValue("org");
  await expect(admin.getByLabel("Group").locator("option:checked")).toHaveText("Whole organization");
  await expect(admin.getByTestId("live-label")).toContainText("Whole organization");
  await viewer.goto("/review");
  // The viewer's counts are their OU's: the header, the View picker and the live label say so,
  // never "Whole organization".
  const theirs = `Your ${inside.length} accounts`;
  await expect(viewer.locator("main h1 + p").first()).toContainText(theirs);
  await expect(viewer.getByLabel("Group").locator("option:checked")).toHaveText(theirs);
  await expect(viewer.getByTestId("live-label")).toContainText(theirs);
  await expect(viewer.locator("main")).not.toContainText("Whole organization");
  await expect(viewer.getByTestId("exceptions-read-only")).toHaveText("The viewer role cannot record or change exceptions; an analyst or an admin can.");
  await expect(viewer.getByTestId("sla-findings")).toBeVisible();
  await expect(viewer.getByTestId("add-exception")).toHaveCount(0);
  await expect(viewer.getByTestId("exception-form")).toHaveCount(0);
  // Nor is the viewer told to freeze it: they cannot.
  await expect(viewer.getByTestId("live-label")).toContainText("it becomes the meeting's record once frozen");
  await attachScreenshot(viewer, testInfo, "review-scoped-viewer-390");
  await viewer.setViewportSize({ width: 1440, height: 900 });
  await attachScreenshot(viewer, testInfo, "review-scoped-viewer-1440");
  await admin.context().close();
  await viewer.context().close();
});
