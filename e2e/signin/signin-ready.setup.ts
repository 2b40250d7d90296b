import { expect, test as setup } from "@playwright/test";
import { signIn } from "./sign-in";

// The signed-in app syncs its own demo organization at start-up; its specs need that sync done.
setup("the signed-in app's first sync has finished", async ({ page }) => {
  setup.setTimeout(240_000);
  await signIn(page, "ada.admin", "/sync");
  await expect
    .poll(
      async () => {
        const res = await page.request.get("/api/sync", { maxRedirects: 0 });
        if (!res.ok()) return `HTTP ${res.status()}`;
        const body = (await res.json()) as { running: boolean; lastRun: { outcome: string } | null };
        return body.running ? "RUNNING" : (body.lastRun?.outcome ?? "none");
      },
      { timeout: 230_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBe("SUCCEEDED");
});
