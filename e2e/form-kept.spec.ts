// A form the server refuses comes back as the admin filled it in, with the reason; once the server
// accepts it, it is cleared for the next one. (React resets a form after its action by default,
// refused or not: components/ui/use-kept-form.ts.)
import { expect, test } from "@playwright/test";

test("a refused token keeps its fields; an accepted one clears them", async ({ page }) => {
  const name = `e2e-kept-${Date.now()}`;
  await page.goto("/admin/tokens");
  const form = page.getByTestId("token-form");
  await form.getByRole("textbox", { name: "Name" }).fill(name);
  await form.locator('select[name="role"]').selectOption("analyst");
  await form.locator('select[name="scopeKind"]').selectOption("accounts");
  await form.getByRole("textbox", { name: "Values, comma-separated" }).fill("12345");
  await form.getByRole("spinbutton", { name: "Expires in (days)" }).fill("30");
  await form.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText('expected a 12-digit account id, got "12345"');
  await expect(form.getByRole("textbox", { name: "Name" })).toHaveValue(name);
  await expect(form.locator('select[name="role"]')).toHaveValue("analyst");
  await expect(form.locator('select[name="scopeKind"]')).toHaveValue("accounts");
  await expect(form.getByRole("textbox", { name: "Values, comma-separated" })).toHaveValue("12345");
  await expect(form.getByRole("spinbutton", { name: "Expires in (days)" })).toHaveValue("30");
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
  await rule.getByRole("textbox", { name: "Name" }).fill(name);
  await rule.locator('select[name="minSeverity"]').selectOption("CRITICAL");
  await rule.locator('select[name="scopeKind"]').selectOption("accounts");
  await rule.getByRole("textbox", { name: "Values, comma-separated" }).fill("not-an-account");
  await rule.getByRole("button", { name: "Save rule" }).click();
  await expect(rule.getByRole("alert")).toContainText('expected a 12-digit account id, got "not-an-account"');
  await expect(rule.getByRole("textbox", { name: "Name" })).toHaveValue(name);
  await expect(rule.locator('select[name="minSeverity"]')).toHaveValue("CRITICAL");
  await expect(rule.getByRole("textbox", { name: "Values, comma-separated" })).toHaveValue("not-an-account");

  const channel = page.getByTestId("channel-form");
  await channel.getByRole("textbox", { name: "Name" }).fill(name);
  await channel.getByRole("combobox", { name: "Kind" }).selectOption("EMAIL");
  await channel.getByRole("textbox", { name: "SMTP host" }).fill("smtp example");
  await channel.getByRole("textbox", { name: "From" }).fill("inspectorate@example.com");
  await channel.getByRole("textbox", { name: "To (comma-separated)" }).fill("security@example.com");
  await channel.getByRole("button", { name: "Save channel" }).click();
  await expect(channel.getByRole("alert")).toContainText("expected a host name");
  await expect(channel.getByRole("textbox", { name: "Name" })).toHaveValue(name);
  await expect(channel.getByRole("textbox", { name: "SMTP host" })).toHaveValue("smtp example");
  await expect(channel.getByRole("textbox", { name: "To (comma-separated)" })).toHaveValue("security@example.com");
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
  await form.getByRole("textbox", { name: "Group (as the identity provider names it)" }).fill(group);
  await form.locator('select[name="role"]').selectOption("analyst");
  await form.locator('select[name="scopeKind"]').selectOption("accounts");
  await form.getByRole("textbox", { name: "Values, comma-separated" }).fill("12345");
  await form.getByRole("button", { name: "Save mapping" }).click();
  await expect(form.getByRole("alert")).toContainText('expected a 12-digit account id, got "12345"');
  await expect(form.getByRole("textbox", { name: "Group (as the identity provider names it)" })).toHaveValue(group);
  await expect(form.locator('select[name="role"]')).toHaveValue("analyst");
  await expect(form.getByRole("textbox", { name: "Values, comma-separated" })).toHaveValue("12345");
  await expect(page.getByRole("main")).not.toContainText(group); // saved nowhere (a field's value is not text)
});
