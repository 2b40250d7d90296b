// An admin saves a Slack channel through the UI (its URL is never shown again), presses "Send
// test" against a local receiver that validates Block Kit, and finds the delivery in the log; a
// channel at the instance-metadata address is refused with the reason, and the log says so too.
import { expect, test } from "@playwright/test";
import { startHttpReceiver } from "../lib/alerts/test-support/receivers";
import { attachScreenshot } from "./screenshots";

test("create a channel, send a test to a local receiver, see it in the delivery log", async ({ page }, testInfo) => {
  const rx = await startHttpReceiver({ webhookSecret: "e2e-signing-secret-0001" });
  try {
    const name = `e2e-slack-${Date.now()}`;
    await page.goto("/admin/alerts");
    const form = page.getByTestId("channel-form");
    await form.getByRole("textbox", { name: "Name" }).fill(name);
    await form.getByRole("combobox", { name: "Kind" }).selectOption("SLACK");
    await form.getByRole("textbox", { name: "Webhook URL" }).fill(`${rx.url}/slack/T0/B0/e2e-secret-path`);
    await form.getByRole("button", { name: "Save channel" }).click();
    await expect(form.getByRole("status")).toContainText(`Saved channel “${name}”`);
    const row = page.getByTestId("channels-table").getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText("(URL hidden)");
    await page.reload();
    await expect(page.locator("body")).not.toContainText("e2e-secret-path");

    await row.getByRole("button", { name: `Send test to ${name}` }).click();
    await expect(row.getByRole("status")).toHaveText("Test message delivered.");
    expect(rx.ok("/slack").map((r) => r.problems)).toEqual([[]]);

    const blocked = `${name}-imds`;
    await form.getByRole("textbox", { name: "Name" }).fill(blocked);
    await form.getByRole("textbox", { name: "Webhook URL" }).fill("https://169.254.169.254/latest/meta-data/");
    await form.getByRole("button", { name: "Save channel" }).click();
    const blockedRow = page.getByTestId("channels-table").getByRole("row", { name: new RegExp(blocked) });
    await blockedRow.getByRole("button", { name: `Send test to ${blocked}` }).click();
    await expect(blockedRow.getByRole("alert")).toContainText("link-local");
    await blockedRow.getByRole("button", { name: `Pause ${blocked}` }).click();
    await expect(blockedRow).toContainText("paused");
    await blockedRow.getByRole("button", { name: `Resume ${blocked}` }).click();
    await expect(blockedRow.getByRole("button", { name: `Pause ${blocked}` })).toBeVisible();
    await expect(blockedRow).not.toContainText("paused");

    await page.getByRole("link", { name: "Delivery log" }).click();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Alerts" })).toHaveAttribute("aria-current", "page");
    const log = page.getByTestId("delivery-log");
    await expect(log.getByRole("row", { name: new RegExp(`${name} · Slack`) }).first()).toContainText("sent");
    await expect(log.getByRole("row", { name: new RegExp(blocked) }).first()).toContainText("failed");
    await expect(log.getByRole("row", { name: new RegExp(blocked) }).first()).toContainText("refused: 169.254.169.254");
    await attachScreenshot(page, testInfo, "alert-log");
  } finally {
    await rx.close();
  }
});
