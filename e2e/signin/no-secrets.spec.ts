import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { TEST_CLIENT_SECRET } from "../oidc/test-idp-config";
import { sessionCookie, signIn } from "./sign-in";

const serverLog = ".test-data/e2e-signin-server.log";

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test("no client secret, authorization code or session id reaches the browser bundle, the pages or the server log", async ({ page }) => {
  const codes: string[] = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.pathname === "/auth/callback" && u.searchParams.get("code")) codes.push(u.searchParams.get("code")!);
  });
  await signIn(page, "ada.admin");
  expect(codes).toHaveLength(1);
  const cookie = (await sessionCookie(page))!;
  const html = await (await page.request.get("/")).text();
  expect(html).not.toContain(TEST_CLIENT_SECRET);
  expect(html).not.toContain(cookie.value);

  const bundle = filesUnder(".next/static").filter((f) => /\.(js|css|html|json)$/.test(f));
  expect(bundle.length).toBeGreaterThan(10);
  for (const f of bundle) {
    const text = fs.readFileSync(f, "utf8");
    expect(text.includes(TEST_CLIENT_SECRET), f).toBe(false);
    expect(/INSPECTORATE_OIDC_CLIENT_SECRET|INSPECTORATE_OIDC_GROUP_MAP/.test(text), f).toBe(false);
  }

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Signed out" })).toBeVisible();
  const log = fs.readFileSync(serverLog, "utf8");
  expect(log).toContain("sign-in signed_in");
  expect(log).not.toContain(TEST_CLIENT_SECRET);
  expect(log).not.toContain(cookie.value);
  expect(log).not.toContain(codes[0]);
});
