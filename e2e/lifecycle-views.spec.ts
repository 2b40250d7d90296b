// Gone findings, departed accounts, the integrity residual and the frozen review's record, as a
// user sees them. The states the sync would write (an account leaving Inspector, a residual) are
// written straight into the app's database, so this spec needs E2E_DATABASE_URL (a Postgres the
// app runs on); playwright.config.ts leaves it out of a run without one (the embedded database
// belongs to the app process alone).
import pg from "pg";
import { expect, test } from "@playwright/test";
import { attachScreenshot } from "./screenshots";
import { sidewaysOverflow } from "./layout-probe";

const url = process.env.E2E_DATABASE_URL;
test.describe.configure({ mode: "serial" });
// Full-page screenshots of busy pages on a shared machine take their time.
test.beforeEach(() => test.setTimeout(360_000));

if (!url) throw new Error("lifecycle-views.spec.ts needs E2E_DATABASE_URL (playwright.config.ts runs it only then)");
let db: pg.Pool;
let left = { id: "", name: "", gone: 0, arn: "" };
const since = new Date(Date.now() - 2 * 86_400_000);
const started = new Date();
let restore: (() => Promise<void>) | undefined;

test.beforeAll(async () => {
  db = new pg.Pool({ connectionString: url, max: 2 });
  const [a] = (await db.query(`SELECT a.id, coalesce(a.name, a.id) AS name FROM accounts a
    WHERE EXISTS (SELECT 1 FROM findings f WHERE f.account_id = a.id AND f.status = 'ACTIVE') ORDER BY a.id DESC LIMIT 1`)).rows;
  await db.query("UPDATE accounts SET lifecycle = 'LEFT_INSPECTOR', lifecycle_since = $2 WHERE id = $1", [a.id, since]);
  const gone = await db.query(`UPDATE findings SET gone_from_status = status, status = 'GONE', gone_at = $2, gone_reason = 'ACCOUNT_LEFT_INSPECTOR'
    WHERE account_id = $1 AND status = 'ACTIVE' RETURNING arn`, [a.id, since]);
  left = { id: a.id, name: a.name, gone: gone.rowCount ?? 0, arn: gone.rows[0].arn };
  const [run] = (await db.query("SELECT max(run_id) AS id FROM sync_account_results")).rows;
  const saved = await db.query(`UPDATE sync_account_results s SET integrity_match = false, integrity_residual = 5, integrity_repaired = true
    FROM sync_account_results o WHERE o.run_id = s.run_id AND o.account_id = s.account_id AND o.region = s.region
      AND s.run_id = $1 AND s.account_id = (SELECT min(account_id) FROM sync_account_results WHERE run_id = $1)
    RETURNING s.region, o.integrity_match, o.integrity_residual, o.integrity_repaired, s.account_id`, [run.id]);
  restore = async () => {
    // Leave the app as the other specs expect it: the account back, no residual, no frozen review.
    await db.query("UPDATE accounts SET lifecycle = 'ACTIVE', lifecycle_since = NULL WHERE id = $1", [left.id]);
    await db.query(`UPDATE findings SET status = gone_from_status, gone_from_status = NULL, gone_at = NULL, gone_reason = NULL
      WHERE account_id = $1 AND gone_at = $2 AND gone_reason = 'ACCOUNT_LEFT_INSPECTOR'`, [left.id, since]);
    for (const r of saved.rows) {
      await db.query(`UPDATE sync_account_results SET integrity_match = $4, integrity_residual = $5, integrity_repaired = $6
        WHERE run_id = $1 AND account_id = $2 AND region = $3`, [run.id, r.account_id, r.region, r.integrity_match, r.integrity_residual, r.integrity_repaired]);
    }
    await db.query("DELETE FROM reviews WHERE created_at >= $1", [started]);
  };
});
test.afterAll(async () => {
  await restore?.();
  await db?.end();
});

test("a departed account is shown so on the overview, accounts, coverage and account pages", async ({ page }, testInfo) => {
  const label = `Left Inspector since ${since.toISOString().slice(0, 10)}`;
  await page.goto("/accounts?sort=name&all=1");
  const row = page.getByTestId("accounts-table").locator("tr", { hasText: left.id });
  await expect(row.getByTestId("account-lifecycle")).toHaveText(label);
  await attachScreenshot(page, testInfo, "lifecycle-accounts");
  await page.goto("/coverage");
  await expect(page.getByTestId("coverage-matrix").locator("tr", { hasText: left.id }).getByTestId("account-lifecycle")).toHaveText(label);
  await attachScreenshot(page, testInfo, "lifecycle-coverage");
  await page.goto(`/accounts/${left.id}`);
  await expect(page.getByRole("status").filter({ hasText: "Inspector no longer reports this account" })).toBeVisible();
  await attachScreenshot(page, testInfo, "lifecycle-account");
  await page.goto("/?group=none&sort=total");
  await expect(page.getByText("left Inspector or the organization")).toBeVisible();
  await attachScreenshot(page, testInfo, "lifecycle-overview");
});

test("the explorer's Open leaves gone findings out; Gone lists them; the detail says why", async ({ page }, testInfo) => {
  // Every image counts (inUse=all): the test made all of the account's findings gone, idle images' too.
  await page.goto(`/findings?account=${left.id}&inUse=all`);
  await expect(page.getByTestId("findings-total")).toContainText(/^0 findings/);
  await page.getByRole("checkbox", { name: "Open" }).uncheck({ force: true });
  await page.getByRole("checkbox", { name: "Gone" }).check({ force: true });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/status=GONE/);
  await expect(page).toHaveURL(/inUse=all/);
  await expect(page.getByTestId("findings-total")).toContainText(`${left.gone} findings`);
  await attachScreenshot(page, testInfo, "lifecycle-explorer-gone");
  await page.goto(`/findings/${encodeURIComponent(left.arn)}`);
  await expect(page.getByRole("status")).toContainText(/No longer reported by Inspector since \d{4}-\d\d-\d\d \d\d:\d\d UTC, because its account left Inspector\./);
  await attachScreenshot(page, testInfo, "lifecycle-finding-gone");
});

test("the sync page and the account page show the integrity residual", async ({ page }, testInfo) => {
  await page.goto("/sync");
  await expect(page.getByTestId("sync-problems").getByTestId("integrity-residual").first()).toContainText("5 off");
  await attachScreenshot(page, testInfo, "integrity-residual-sync");
  const [r] = (await db.query("SELECT account_id FROM sync_account_results WHERE integrity_residual = 5 LIMIT 1")).rows;
  await page.goto(`/accounts/${r.account_id}`);
  await expect(page.getByTestId("regions-table").getByTestId("integrity-residual").first()).toContainText("5 off");
});

test("the review: latest observation in the headline, a past meeting is a reconstruction, freezing records author and hash, a correction is a new version", async ({ page }, testInfo) => {
  const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString().slice(0, 10);
  await page.goto(`/review?date=${weekAgo}`);
  await expect(page.getByTestId("reconstruction-label")).toContainText("never frozen");
  await expect(page.getByRole("button", { name: "Freeze review" })).toHaveCount(0);
  await attachScreenshot(page, testInfo, "review-reconstruction");
  await page.goto("/review");
  await expect(page.getByTestId("headline-open")).toContainText(/observed .* before/);
  await page.getByRole("button", { name: "Freeze review" }).click();
  const frozen = page.getByTestId("frozen-label");
  await expect(frozen).toContainText(/Frozen on .* by local admin · sha256 [0-9a-f]{12}…/);
  await frozen.getByText("Correct this review…").click();
  await frozen.getByLabel("Reason (kept with the new version)").fill("Recomputed after the sync repaired an account");
  await frozen.getByRole("button", { name: "Save as a new version" }).click();
  await expect(page.getByTestId("review-versions")).toContainText("Recomputed after the sync repaired an account");
  await expect(frozen).toContainText("correction 2");
  await attachScreenshot(page, testInfo, "review-frozen-corrected");
  // The correction form, open, fits the narrowest phone in use (320 px; it stays open after a save).
  await page.setViewportSize({ width: 320, height: 640 });
  const reason = frozen.getByLabel("Reason (kept with the new version)");
  if (!(await reason.isVisible())) await frozen.getByText("Correct this review…").click();
  await expect(reason).toBeVisible();
  const layout = await sidewaysOverflow(page);
  expect(layout.overflow, `what is wider than the window: ${layout.culprits.join(" > ")}`).toBeLessThanOrEqual(0);
  const box = await reason.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(320);
  await attachScreenshot(page, testInfo, "review-correct-form-320");
});
