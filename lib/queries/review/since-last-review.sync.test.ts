// Integration: the emulator's organization, the real sync, the clock moved a week, a second
// sync; "since the last review" must count exactly what the emulator changed in between.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "@aws-sdk/client-inspector2";
import { allFindings, inspector } from "@/emulator/test-support";
import type { Database } from "@/lib/db/client";
import { startSyncWorld, type SyncWorld } from "@/lib/sync/test-support";
import { allScope } from "@/lib/queries/scope";
import { computeReview } from "./compute-review";
import { toDay } from "@/lib/review/day";
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";
import { countFindings } from "@/lib/queries/findings/findings-search";

async function emulatorFindings(w: SyncWorld): Promise<Map<string, Finding>> {
  const out = new Map<string, Finding>();
  for (const region of w.config.regions) {
    const client = inspector(w.emu, region);
    for (const f of await allFindings(client)) out.set(f.findingArn!, f);
    client.destroy();
  }
  return out;
}

describe("since the last review after the emulator's clock moves (emulator + sync)", () => {
  let w: SyncWorld;
  beforeAll(async () => {
    w = await startSyncWorld({ accounts: 4, findings: 800 });
    (globalThis as { __inspectorateDb?: Database }).__inspectorateDb = w.database;
  });
  afterAll(async () => {
    (globalThis as { __inspectorateDb?: Database }).__inspectorateDb = undefined;
    await w?.close();
  });

  it("counts the new, fixed and reopened findings the emulator produced", async () => {
    expect((await w.sync()).outcome).toBe("SUCCEEDED");
    const t0 = w.emu.now();
    const before = await emulatorFindings(w);
    await w.emu.advance(7);
    expect((await w.sync()).outcome).toBe("SUCCEEDED");
    const t1 = w.emu.now();
    const after = await emulatorFindings(w);

    const inWindow = (d: Date | undefined) => !!d && d > t0 && d <= t1;
    // "In use only" leaves out findings on ECR images the emulator reports running nowhere (inUseCount 0).
    const idle = (f: Finding) => f.resources?.[0]?.type === "AWS_ECR_CONTAINER_IMAGE" && f.resources[0].details?.awsEcrContainerImage?.inUseCount === 0;
    const expected = { newCriticalHigh: 0, fixed: 0, reopened: 0 };
    const inUse = { newCriticalHigh: 0, fixed: 0, reopened: 0 };
    for (const [arn, f] of after) {
      const was = before.get(arn);
      const count = (k: keyof typeof expected) => { expected[k]++; if (!idle(f)) inUse[k]++; };
      if ((f.severity === "CRITICAL" || f.severity === "HIGH") && inWindow(f.firstObservedAt)) count("newCriticalHigh");
      if (f.status === "CLOSED" && was?.status !== "CLOSED") count("fixed");
      if (was?.status === "CLOSED" && f.status === "ACTIVE") count("reopened");
    }
    // The emulator must actually have done each kind of change, or the test proves nothing.
    expect(expected.newCriticalHigh).toBeGreaterThan(0);
    expect(expected.fixed).toBeGreaterThan(0);
    expect(expected.reopened).toBeGreaterThan(0);

    const review = await computeReview(allScope, { meetingDate: toDay(t1), now: t1, asOf: t1, inUse: "all" });
    expect(review.since.from).toBe(new Date(t1.getTime() - 7 * 86_400_000).toISOString());
    const counts = (r: typeof review) => ({
      newCriticalHigh: r.since.newCriticalHigh.count,
      // Every closure is fixed (remediated) or removed (the resource went away or is unscanned).
      fixed: r.since.fixed.count + (r.since.removed?.count ?? 0),
      reopened: r.since.reopened.count,
    });
    expect(counts(review)).toEqual(expected);
    const onlyInUse = await computeReview(allScope, { meetingDate: toDay(t1), now: t1, asOf: t1 });
    expect(onlyInUse.meta.inUse).toBe("only");
    expect(counts(onlyInUse)).toEqual(inUse);
    // Each group's link opens, in the explorer, as many findings as the group counts.
    for (const r of [review, onlyInUse]) {
      for (const key of ["newCriticalHigh", "fixed", "removed", "reopened", "becameExploitable"] as const) {
        const g = r.since[key]!;
        const { filter, issues } = parseFindingsFilter(new URLSearchParams(g.href.split("?")[1]));
        expect(issues).toEqual([]);
        expect({ key, inUse: r.meta.inUse, n: (await countFindings(allScope, filter)).count }).toEqual({ key, inUse: r.meta.inUse, n: g.count });
      }
    }
    // Twelve weeks of trends come from the sync's backfill and its daily snapshots.
    expect(review.trends.open.filter((x) => (x.total ?? 0) > 0).length).toBeGreaterThanOrEqual(4);
  });
});
