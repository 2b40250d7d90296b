// A form the server refuses comes back as the admin filled it in, with the reason; once the server
// accepts it, it is cleared for the next one. (React resets a form after its action by default,
// refused or not: components/ui/use-kept-form.ts.)
import { expect, test, type Locator } from "@playwright/test";

/** A field of a form, found within it, and the value filled in. */
type Field = [find: (form: Locator) => Locator, value: string];
const text = (name: string) => (form: Locator) => form.getByRole("textbox", { name });
const select = (name: string) => (form: Locator) => form.locator(`select[name="${name}"]`);

/** Fills `fields` (a select by its option), submits with `submit`, expects the server's reason in
 *  `alert`, and every field as it was filled. */
async function refusedKeeps(form: Locator, fields: Field[], submit: string, alert: Locator, reason: string) {
  for (const [find, value] of fields) {
    const field = find(form);
    if (await field.evaluate((e) => e.tagName === "SELECT")) await field.selectOption(value);
    else await field.fill(value);
  }
  await form.getByRole("button", { name: submit }).click();
  await expect(alert).toContainText(reason);
  for (const [find, value] of fields) await expect(find(form)).toHaveValue(value);
}

test("a refused token keeps its fields; an accepted one clears them", async ({ page }) => {
  const name = `e2e-kept-${Date.now()}`;
  await page.goto("/admin/tokens");
  const form = page.getByTestId("token-form");
  const expires = (f: Locator) => f.getByRole("spinbutton", { name: "Expires in (days)" });
  await refusedKeeps(form, [[text("Name"), name], [select("role"), "analyst"], [select("scopeKind"), "accounts"], [text("Values, comma-separated"), "12345"], [expires, "30"]],
    "Create token", page.getByRole("main").getByRole("alert"), 'expected a 12-digit account id, got "12345"');
  await expect(page.getByTestId("token-secret")).toHaveCount(0);

  await form.getByRole("textbox", { name: "Values, comma-separated" }).fill("111122223333");
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("token-secret")).toContainText(name);
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
  await expect(form.getByRole("textbox", { name: "Name" })).toHaveValue("");
  await expect(form.getByRole("spinbutton", { name: "Expires in (days)" })).toHaveValue("90");
  await page.getByTestId("tokens-table").getByRole("row", { name: new RegExp(name) }).getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByTestId("tokens-table").getByRole("row", { name: new RegExp(name) })).toContainText("revoked");
});

test("a refused alert rule and channel keep their fields", async ({ page }) => {
  const name = `e2e-kept-${Date.now()}`;
  await page.goto("/admin/alerts");
  const rule = page.getByTestId("rule-form");
  await refusedKeeps(rule, [[text("Name"), name], [select("minSeverity"), "CRITICAL"], [select("scopeKind"), "accounts"], [text("Values, comma-separated"), "not-an-account"]],
    "Save rule", rule.getByRole("alert"), 'expected a 12-digit account id, got "not-an-account"');

  const channel = page.getByTestId("channel-form");
  const kind = (f: Locator) => f.getByRole("combobox", { name: "Kind" });
  // The kind before the fields it shows.
  await refusedKeeps(channel, [[text("Name"), name], [kind, "EMAIL"], [text("SMTP host"), "smtp example"], [text("From"), "inspectorate@example.com"], [text("To (comma-separated)"), "security@example.com"]],
    "Save channel", channel.getByRole("alert"), "expected a host name");
  await expect(page.getByRole("main")).not.toContainText(name); // no channel saved (a field's value is not text)

  // Accepted, the form starts over, its kind included (the kind decides which fields it shows).
  await channel.getByRole("textbox", { name: "SMTP host" }).fill("smtp.example.com");
  await channel.getByRole("button", { name: "Save channel" }).click();
  await expect(channel.getByRole("status")).toContainText(`Saved channel “${name}”`);
  await expect(channel.getByRole("combobox", { name: "Kind" })).toHaveValue("SLACK");
  await expect(channel.getByRole("textbox", { name: "Webhook URL" })).toBeVisible();
  await expect(channel.getByRole("textbox", { name: "Name" })).toHaveValue("");
});

test("a refused group mapping keeps its fields", async ({ page }) => {
  const group = `e2e-kept-${Date.now()}`;
  await page.goto("/admin/access");
  const form = page.getByTestId("mapping-form");
  await refusedKeeps(form, [[text("Group (as the identity provider names it)"), group], [select("role"), "analyst"], [select("scopeKind"), "accounts"], [text("Values, comma-separated"), "12345"]],
    "Save mapping", form.getByRole("alert"), 'expected a 12-digit account id, got "12345"');
  await expect(page.getByRole("main")).not.toContainText(group); // saved nowhere (a field's value is not text)
});
