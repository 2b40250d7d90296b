// An admin ends a signed-in user's sessions on /admin/access: the user's very next request with the
// old cookie is unauthenticated and goes through sign-in again. sam.scopedadmin is the user here: no
// spec before this one signs him in, so his one session is the one made below.
import { expect, test } from "@playwright/test";
import { sessionCookie, signIn } from "./sign-in";

test("an admin ends a user's sessions: the user's next request goes back through sign-in", async ({ browser, baseURL, playwright }) => {
  test.setTimeout(240_000);
  const sam = await (await browser.newContext({ baseURL })).newPage();
  await signIn(sam, "sam.scopedadmin", "/accounts");
  const old = (await sessionCookie(sam))!;

  const admin = await (await browser.newContext({ baseURL })).newPage();
  await signIn(admin, "ada.admin", "/admin/access");
  const row = admin.locator('[data-user="sam.scopedadmin@example.com"]');
  await expect(row.getByTestId("user-sessions")).toHaveText("1");
  await row.getByRole("button", { name: "End sessions" }).click();
  await expect(admin.getByRole("status")).toHaveText("Ended 1 session of sam.scopedadmin@example.com.");
  await expect(row.getByTestId("user-sessions")).toHaveText("none");
  await expect(row.getByRole("button", { name: "End sessions" })).toHaveCount(0);

  // The old cookie opens nothing: the API answers 401, a page sends the browser to sign in.
  const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${old.name}=${old.value}` } });
  expect((await replay.get("/api/findings?limit=1", { maxRedirects: 0 })).status()).toBe(401);
  await replay.dispose();
  const answers: { path: string; status: number; location?: string }[] = [];
  sam.on("response", (r) => answers.push({ path: new URL(r.url()).pathname, status: r.status(), location: r.headers().location }));
  await sam.goto("/accounts");
  expect(answers[0]).toMatchObject({ path: "/accounts", status: 307, location: expect.stringContaining("/auth/signin") });

  await admin.goto("/admin/audit?action=access.sessions.ended");
  await expect(admin.getByTestId("audit-table")).toContainText(`{"email":"sam.scopedadmin@example.com","ended":1}`);
  for (const p of [sam, admin]) await p.context().close();
});
