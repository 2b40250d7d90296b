// Issue 16: the queue between listing and writing is bounded in bytes, not findings, so findings many
// times the usual size are held fewer at a time instead of multiplying the sync's memory; each still
// reaches the cache whole. Real SDK against the emulator (its referenceUrls quirk sizes the findings),
// real Postgres.
import { describe, expect, it } from "vitest";
import { allFindings, inspector } from "@/emulator/test-support";
import { joinRawFinding } from "@/lib/domain/raw-finding-parts";
import { reviveFinding } from "@/lib/aws/fast-findings-protocol";
import { cacheStatusCounts, emulatorStatusCounts, startSyncWorld } from "./test-support";
import { defaultQueueBytes } from "./sync-config";
import { FINDINGS_WITH_RAW_PARTS_SQL } from "@/lib/queries/findings/raw-parts-join";

const queueBytes = 2 * 2 ** 20;

async function syncWith(referenceUrls: number) {
  const w = await startSyncWorld({ accounts: 4, findings: 900, regions: ["us-east-1"], quirks: { referenceUrls } }, { batchSize: 500, partitionConcurrency: 4, queueBytes });
  try {
    let batches = 0;
    const r = await w.sync({ afterBatch: (n) => void (batches = n) });
    expect(r.outcome).toBe("SUCCEEDED");
    expect(r.queueCapacityBytes).toBe(queueBytes);
    expect(r.queuePeakBytes).toBeLessThanOrEqual(queueBytes);
    expect(await cacheStatusCounts(w)).toEqual(await emulatorStatusCounts(w));
    const client = inspector(w.emu, "us-east-1");
    const listed = await allFindings(client);
    client.destroy();
    const { rows } = await w.database.pool.query(FINDINGS_WITH_RAW_PARTS_SQL);
    const byArn = new Map(rows.map((row) => [row.arn, row]));
    for (const f of listed) expect(reviveFinding(joinRawFinding(byArn.get(f.findingArn))), f.findingArn).toEqual(f);
    const wireBytes = listed.reduce((n, f) => n + JSON.stringify(f).length, 0) / listed.length;
    return { batches, peak: r.queuePeakBytes!, findings: listed.length, wireBytes, urls: Math.max(...listed.map((f) => f.packageVulnerabilityDetails?.referenceUrls?.length ?? 0)) };
  } finally {
    await w.close();
  }
}

describe("the queue between listing and writing, in bytes", () => {
  it("holds findings four times larger within the same bytes, in more and smaller batches, and stores each whole", async () => {
    const usual = await syncWith(1);
    const large = await syncWith(120);
    expect(large.urls).toBe(120);
    expect(large.findings).toBe(usual.findings);
    expect(large.wireBytes / usual.wireBytes).toBeGreaterThan(3);
    // Back-pressure held the large findings at the bound: the queue filled, and the partitions handed
    // over what they held in more statements than the usual findings needed.
    expect(large.peak).toBeGreaterThan(queueBytes / 2);
    expect(large.batches).toBeGreaterThan(usual.batches);
  });

  it("defaults to room for every partition and writer's batches, in findings of 4 KB", () => {
    expect(defaultQueueBytes({ batchSize: 500, writeConcurrency: 2, partitionConcurrency: 10 })).toBe(12_000 * 4096);
    expect(defaultQueueBytes({ batchSize: 500, writeConcurrency: 2, partitionConcurrency: 10, queueBytes: 150 })).toBe(150);
  });
});
