import { expect, test, type Browser, type Page } from "@playwright/test";
import { attachScreenshot } from "../screenshots";
import { signIn } from "./sign-in";

// A viewer of the whole organization (olga, group org-viewers): every count is the organization's and
// says so, but the actions a viewer's role lacks (sync, exceptions, freezing the meeting's record) are
// neither offered nor accepted. Seeing the whole organization is not the freeze permission.
async function signedIn(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: test.info().project.use.baseURL })).newPage();
  await signIn(page, login);
  return page;
}
const write = (page: Page, path: string, data: unknown) =>
  page.request.post(path, { data, headers: { Origin: new URL(test.info().project.use.baseURL!).origin, "Sec-Fetch-Site": "same-origin" } });

test("a viewer of the whole organization reads it as the organization, and is offered no action their role lacks", async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const olga = await signedIn(browser, "olga.orgviewer");
  await expect(olga.getByTestId("signed-in-role")).toHaveText(/viewer/i);

  await olga.goto("/accounts");
  await expect(olga.locator("main h1 + p").first()).toContainText(/^\d+ accounts in the organization/);
  await olga.goto("/");
  await expect(olga.getByText("Open Amazon Inspector findings across the organization")).toBeVisible();

  await olga.goto("/review");
  await expect(olga.getByLabel("Group").locator("option:checked")).toHaveText("Whole organization");
  await expect(olga.getByTestId("live-label")).toContainText("Whole organization");
  // Not told to freeze it, no Freeze button, no exception form or links: the notice says who can.
  await expect(olga.getByTestId("live-label")).toContainText("it becomes the meeting's record once frozen");
  await expect(olga.getByRole("button", { name: "Freeze review" })).toHaveCount(0);
  await expect(olga.getByTestId("exceptions-read-only")).toHaveText("The viewer role cannot record or change exceptions; an analyst or an admin can.");
  await expect(olga.getByTestId("sla-findings")).toBeVisible();
  await expect(olga.getByTestId("add-exception")).toHaveCount(0);
  await expect(olga.getByTestId("exception-form")).toHaveCount(0);
  await attachScreenshot(olga, testInfo, "review-org-viewer");

  // The server refuses what the page does not offer, whatever the scope.
  const today = new Date().toISOString().slice(0, 10);
  for (const [path, data] of [
    ["/api/review/freeze", { meetingDate: today }],
    ["/api/review/freeze?correct=1", { meetingDate: today, reason: "a viewer's correction" }],
    ["/api/sync", {}],
  ] as const) {
    const refused = await write(olga, path, data);
    expect(refused.status(), path).toBe(403);
    expect(await refused.text(), path).toContain("the viewer role may not do this");
  }

  // The sync page: the organization's notes are theirs to read, the button is not theirs to press.
  await olga.goto("/sync");
  await expect(olga.getByTestId("sync-notes")).toContainText("Demo data: synced from the bundled emulator's demo organization");
  await expect(olga.getByRole("button", { name: "Sync now" })).toBeDisabled();
  await expect(olga.getByRole("button", { name: "Sync now" })).toHaveAccessibleDescription("The viewer role cannot start a sync; an analyst or an admin can.");
  await olga.context().close();
});
