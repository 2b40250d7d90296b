import { expect, test } from "@playwright/test";

// The explorer's Accounts field suggests accounts as one types (the page no longer carries every
// account of the organization); a suggestion fills in its id, and the filter applies on Enter.
test("the Accounts field suggests accounts by name, fills in ids and filters by them", async ({ page }) => {
  const html = await (await page.request.get("/findings")).text();
  expect(html).not.toContain("filter-accounts"); // no datalist of the whole organization
  await page.goto("/findings");
  const field = page.getByRole("combobox", { name: "Accounts" });
  const list = page.getByRole("listbox", { name: "Matching accounts" });
  await expect(list).toBeHidden();

  const option = (name: string) => list.getByRole("option").filter({ has: page.getByText(name, { exact: true }) });
  await field.fill("prod-paym");
  const payments = option("prod-payments");
  // Names starting with what was typed, in name order: the account itself comes first.
  await expect(list.getByRole("option").first()).toHaveText(/^prod-payments\s*\d{12}$/);
  const paymentsId = (await payments.innerText()).match(/\d{12}/)![0];
  await field.press("ArrowDown");
  await expect(field).toHaveAttribute("aria-activedescendant", /.+/);
  await field.press("Enter"); // chooses; does not apply yet
  await expect(field).toHaveValue(`${paymentsId}, `);
  expect(page.url()).not.toContain("account=");

  // A second account by mouse, and a name nothing matches.
  await field.pressSequentially("zz-no-such");
  await expect(list.getByText("No account in your scope matches “zz-no-such”")).toBeVisible();
  // An account already in the field is not suggested again.
  const asked = page.waitForResponse((r) => r.url().includes("/api/accounts/suggest?q=prod-payments"));
  await field.fill(`${paymentsId}, prod-payments`);
  expect(((await (await asked).json()) as { accounts: { name: string }[] }).accounts.map((a) => a.name)).toContain("prod-payments");
  await expect(list.getByText(/already in the field|prod-payments-\d+/).first()).toBeVisible();
  await expect(option("prod-payments")).toHaveCount(0);
  await field.fill(`${paymentsId}, stag`);
  const staging = option("staging-data");
  await expect(staging).toBeVisible();

  const stagingId = (await staging.innerText()).match(/\d{12}/)![0];
  await staging.click();
  await expect(field).toHaveValue(`${paymentsId}, ${stagingId}, `);
  await expect(field).toBeFocused();

  await field.press("Escape");
  await expect(list).toBeHidden();
  await field.press("Enter");
  await page.waitForURL((url) => url.searchParams.getAll("account").join() === `${paymentsId},${stagingId}`);
  // The list keeps the previous rows while the filtered ones load: wait for the filtered ones.
  const accountCells = page.getByTestId("findings-table").locator("tbody tr td:nth-child(6) .font-mono");
  await expect.poll(async () => {
    const accounts = await accountCells.allInnerTexts();
    return accounts.length > 0 && accounts.every((a) => a === paymentsId || a === stagingId);
  }, { timeout: 15_000 }).toBe(true);
  // The applied filter comes back in the field.
  await expect(page.getByRole("combobox", { name: "Accounts" })).toHaveValue(`${paymentsId}, ${stagingId}`);
});

// The weekly review's "By account" view finds its account the same way, without the page carrying
// every account of the organization.
test("the review's By account view searches accounts and goes to the one chosen", async ({ page }) => {
  await page.goto("/review");
  await page.getByRole("combobox", { name: "Group" }).selectOption("account");
  await page.waitForURL((url) => url.searchParams.get("group") === "account" && /^\d{12}$/.test(url.searchParams.get("value") ?? ""));
  const which = page.getByRole("combobox", { name: "Which account" });
  await expect(which).toHaveValue(new URL(page.url()).searchParams.get("value")!);
  await which.fill("staging-da");
  const list = page.getByRole("listbox", { name: "Matching accounts" });
  const staging = list.getByRole("option").filter({ has: page.getByText("staging-data", { exact: true }) });
  await expect(staging).toBeVisible();
  const stagingId = (await staging.innerText()).match(/\d{12}/)![0];
  await which.press("ArrowDown");
  await which.press("Enter");
  await page.waitForURL((url) => url.searchParams.get("value") === stagingId);
  await expect(page.getByRole("heading", { level: 1, name: "Weekly review" })).toBeVisible();
  await expect(page.getByText(/Meeting of .* · .*staging-data/)).toBeVisible();
});

// Suggestions that open under a resting mouse pointer are not chosen by it: the next Enter applies
// what was typed instead of taking whichever suggestion happened to appear under the pointer.
test("a suggestion list opening under a resting pointer leaves Enter to apply the field", async ({ page }) => {
  await page.goto("/findings");
  const field = page.getByRole("combobox", { name: "Accounts" });
  const list = page.getByRole("listbox", { name: "Matching accounts" });
  const box = (await field.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 20); // where the first suggestion will be
  await field.focus();
  const answered = page.waitForResponse((r) => r.url().includes("/api/accounts/suggest?q=prod"));
  await field.pressSequentially("prod");
  await answered;
  // The list for "prod" is on screen, under the pointer (not an earlier one the next answer replaces).
  await expect(list.getByRole("option").filter({ hasText: "prod-payments" })).toBeVisible();
  await page.waitForTimeout(300); // a hover that the appearing list caused would have happened by now
  await expect(field).not.toHaveAttribute("aria-activedescendant", /.+/);
  await expect(list.getByRole("option", { selected: true })).toHaveCount(0);
  // A real movement over the list still highlights, as before.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height + 24);
  await expect(list.getByRole("option", { selected: true })).toHaveCount(1);
  // Escape closes the list; Enter then applies the typed text rather than a suggestion.
  await page.mouse.move(box.x + box.width / 2, box.y - 40);
  await field.press("Escape");
  await field.press("Enter");
  await page.waitForURL((url) => url.searchParams.getAll("account").join() === "prod");
});

// Escape pressed while the suggestions are still on their way closes the list for good: the answer
// arriving afterwards does not open it (the server's answers are held back 800 ms here).
test("Escape before the suggestions arrive keeps them closed", async ({ page }) => {
  await page.goto("/findings");
  await page.route("**/api/accounts/suggest?**", async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue().catch(() => {}); // a request the page gave up on is already gone
  });
  const field = page.getByRole("combobox", { name: "Accounts" });
  const list = page.getByRole("listbox", { name: "Matching accounts" });
  const asked = page.waitForRequest((r) => r.url().includes("/api/accounts/suggest?q=stag"));
  const answered = page.waitForResponse((r) => r.url().includes("/api/accounts/suggest?q=stag"));
  await field.focus();
  await field.pressSequentially("stag");
  await asked; // past the debounce: the request for "stag" is in flight, its answer held back
  await expect(list).toBeHidden();
  await field.press("Escape");
  await answered;
  await page.waitForTimeout(300); // the answer has had time to render
  await expect(list).toBeHidden();
  // Typing again opens it, with the answer.
  await field.press("End");
  await field.pressSequentially("i");
  await expect(list.getByRole("option").filter({ hasText: "staging-data" })).toBeVisible();
});
