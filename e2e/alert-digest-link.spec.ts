// A real digest, end to end in the browser: an admin saves a signed-webhook channel pointing at a
// local receiver and an "SLA breached" rule (critical) through /admin/alerts, presses "Sync now", and
// the app's alerts worker (a pass after every in-app run) posts the digest. Its link opens the
// explorer on exactly the findings it alerted: the chip names the rule and the run, the count is the
// digest's `findings`, and its listed items are the first rows, in the digest's order.
//
// Why "SLA breached": a new rule only sees batches ending after the run that was newest when it was
// saved (since_run_id), and an incremental sync of the demo organization may bring no new finding; a
// state rule alerts on every finding in the state when its first batch is read, and the demo's 12
// weeks of history always hold open criticals first seen more than 15 days ago.
import { expect, test, type Page } from "@playwright/test";
import { startHttpReceiver, type Received } from "../lib/alerts/test-support/receivers";
import { defaultFindingsLimit as perPage } from "../lib/queries/findings/findings-fields";
import { attachScreenshot } from "./screenshots";

interface WebhookDigest {
  type: string; rule: string; kind: string; heading: string; total: number; findings?: number | null;
  items: { title: string; severity: string | null; accountId: string | null; detail: string; link: string }[];
  link: string; runId: number;
}

/** The finding's ARN from a digest item's link (`…/findings/<encoded ARN>`, findingHref). */
const arnOf = (link: string) => decodeURIComponent(new URL(link).pathname.replace(/^\/findings\//, ""));

async function deleteRow(page: Page, table: string, name: string) {
  const row = page.getByTestId(table).getByRole("row", { name: new RegExp(name) });
  if ((await row.count()) === 0) return;
  await row.getByRole("button", { name: "Delete" }).click();
  await expect(row).toHaveCount(0);
}

test("a digest's link opens the explorer on exactly the findings it alerted", async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const secret = "e2e-digest-link-secret-0001";
  const rx = await startHttpReceiver({ webhookSecret: secret });
  const stamp = Date.now();
  const channel = `e2e-digest-hook-${stamp}`;
  const rule = `e2e-breached-${stamp}`;
  let passed = false;
  try {
    await page.goto("/admin/alerts");
    const channelForm = page.getByTestId("channel-form");
    await channelForm.getByRole("textbox", { name: "Name" }).fill(channel);
    await channelForm.getByRole("combobox", { name: "Kind" }).selectOption("WEBHOOK");
    await channelForm.getByRole("textbox", { name: "Webhook URL" }).fill(`${rx.url}/webhook/digest-link`);
    await channelForm.getByLabel("Signing secret (16+ characters)").fill(secret);
    await channelForm.getByRole("button", { name: "Save channel" }).click();
    await expect(channelForm.getByRole("status")).toContainText(`Saved channel “${channel}”`);

    const ruleForm = page.getByTestId("rule-form");
    await ruleForm.getByRole("textbox", { name: "Name" }).fill(rule);
    await ruleForm.getByRole("combobox", { name: "When" }).selectOption("SLA_BREACHED");
    await ruleForm.getByRole("combobox", { name: "Minimum severity" }).selectOption("CRITICAL");
    await ruleForm.getByRole("checkbox", { name: channel, exact: true }).check();
    await ruleForm.getByRole("button", { name: "Save rule" }).click();
    await expect(ruleForm.getByRole("status")).toContainText(`Saved rule “${rule}”`);

    // The rule starts after the newest run: the next sync is its first batch.
    await page.goto("/sync");
    // The panel says "Last run #N <outcome>" once it has read the state and no run is under way (the
    // schedule's or another spec's would end first).
    const panel = page.getByTestId("sync-now-panel");
    const lastRun = async () => Number((await panel.innerText()).match(/Last run #(\d+)/)?.[1] ?? 0);
    await expect(panel).toContainText("Last run #", { timeout: 120_000 });
    const before = await lastRun();
    await panel.getByRole("button", { name: "Sync now" }).click();
    await expect.poll(lastRun, { timeout: 90_000 }).toBeGreaterThan(before);
    await expect(panel).toContainText(/Last run #\d+ succeeded/i);

    // The worker's pass after the run plans and sends the digest (or its 30 s timer does).
    const mine = () => rx.received.filter((r) => r.path.startsWith("/webhook") && (r.json as { rule?: string }).rule === rule);
    await expect.poll(() => mine().length, { timeout: 45_000, message: "a digest for the rule reached the receiver" }).toBeGreaterThan(0);
    const [got] = mine() as [Received];
    expect(got.problems, "the signature verifies").toEqual([]);
    expect(got.status).toBe(200);
    const digest = got.json as unknown as WebhookDigest;
    expect(digest.type).toBe("inspectorate.alert");
    expect(digest.kind).toBe("SLA_BREACHED");
    // Our run, or (should the hourly schedule have synced between saving the rule and reading the panel) that one.
    expect(digest.runId).toBeGreaterThanOrEqual(before);
    expect(digest.items.length).toBeGreaterThan(0);
    // A finding rule's digest states the findings its link opens (`findings`; absent only from digests
    // queued by an older build, when the distinct items stand in, all of them listed or not).
    const findings = digest.findings ?? (digest.total <= digest.items.length ? new Set(digest.items.map((i) => i.link)).size : NaN);
    expect(findings).toBeGreaterThan(0);
    expect(digest.heading).toBe(`${findings} ${findings === 1 ? "finding" : "findings"} breached the SLA — ${rule}`);
    await testInfo.attach("digest.json", { body: JSON.stringify(digest, null, 2), contentType: "application/json" });

    // The link is the app's own URL (HOST:PORT here): the page opens it as it is.
    const link = new URL(digest.link);
    expect(link.pathname).toBe("/findings");
    await page.goto(digest.link);
    const chips = page.getByLabel("Active filters");
    await expect(chips).toContainText(`Alerted by:“${rule}” (run ${digest.runId})`);
    const total = page.getByTestId("findings-total");
    await expect(total).toContainText(/[\d,]+\+? findings/);
    const shown = (await total.innerText()).match(/([\d,]+)(\+?) findings/)!;
    expect(shown[2], "the total is exact, not capped").toBe("");
    expect(Number(shown[1].replace(/,/g, ""))).toBe(findings);
    await attachScreenshot(page, testInfo, "alert-digest-link");

    // Every page of the explorer (50 rows a page, "Next page »" as a reader pages): the distinct
    // findings listed are as many as the digest says, and hold every item the digest listed.
    const rows = page.getByTestId("findings-table").locator("tbody tr");
    const listed = new Map<string, string>(); // ARN → the row's text
    const pages = Math.ceil(findings / perPage);
    for (let n = 1; n <= pages; n++) {
      if (pages > 1) await expect(page.getByRole("navigation", { name: "Pages" })).toContainText(`Page ${n} ·`);
      await expect(rows).toHaveCount(n < pages ? perPage : findings - perPage * (pages - 1));
      for (const [arn, text] of await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute("data-finding") ?? "", (tr as HTMLElement).innerText]))) listed.set(arn, text);
      if (n < pages) await page.getByTestId("next-page").click();
    }
    await expect(page.getByTestId("next-page")).toHaveCount(0);
    expect(listed.size).toBe(findings);
    const first = digest.items[0];
    const firstRow = listed.get(arnOf(first.link));
    expect(firstRow, `the digest's first item (${first.title}) is listed`).toBeDefined();
    // The digest's title is Inspector's title, with "<finding key> — " before it when the title does
    // not begin with the key (itemTitle, cut at 300): the row shows Inspector's title.
    const inspectorTitle = first.title.replace(/^\S+ — /, "").slice(0, 60);
    expect(inspectorTitle.length).toBeGreaterThan(0);
    expect(firstRow).toContain(inspectorTitle);
    expect(digest.items.map((i) => arnOf(i.link)).filter((arn) => !listed.has(arn))).toEqual([]);
    // The link opens the explorer sorted as the digest lists (worst first, then score): its first
    // rows are the digest's items, in the digest's order.
    const itemArns = [...new Set(digest.items.map((i) => arnOf(i.link)))];
    expect([...listed.keys()].slice(0, itemArns.length)).toEqual(itemArns);

    // The delivery log links the same digest into the app: its heading opens the same explorer view.
    await page.goto("/admin/alert-log");
    const logRow = page.getByTestId("delivery-log").getByRole("row", { name: new RegExp(rule) }).first();
    await logRow.getByRole("link", { name: digest.heading }).click();
    await expect(page).toHaveURL((url) => url.pathname === "/findings" && url.search === new URL(digest.link).search);
    await expect(page.getByLabel("Active filters")).toContainText(`Alerted by:“${rule}” (run ${digest.runId})`);
    await expect(page.getByTestId("findings-total")).toContainText(`${findings.toLocaleString("en-US")} findings`);
    passed = true;
  } finally {
    // Other specs list the channels and rules: leave none of this test's behind.
    try {
      await page.goto("/admin/alerts");
      await deleteRow(page, "rules-table", rule);
      await deleteRow(page, "channels-table", channel);
    } catch (err) {
      if (passed) throw err;
      testInfo.annotations.push({ type: "cleanup failed", description: String(err).split("\n")[0] });
    } finally {
      await rx.close();
    }
  }
});
