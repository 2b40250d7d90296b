import { expect, test as setup } from "@playwright/test";

// The launcher starts the demo organization and the in-app schedule syncs it at start-up;
// every spec needs that first sync finished.
setup("the demo organization's first sync has finished", async ({ request }) => {
  setup.setTimeout(240_000);
  await expect
    .poll(
      async () => {
        const res = await request.get("/api/sync");
        if (!res.ok()) return `HTTP ${res.status()}`;
        const body = (await res.json()) as { running: boolean; lastRun: { outcome: string } | null };
        return body.running ? "RUNNING" : (body.lastRun?.outcome ?? "none");
      },
      { timeout: 230_000, intervals: [1_000, 2_000, 3_000] },
    )
    .toBe("SUCCEEDED");
});
