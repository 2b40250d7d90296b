import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paginateListCoverage } from "@aws-sdk/client-inspector2";
import { allFindings, inspector } from "@/emulator/test-support";
import { startSyncWorld, type SyncWorld } from "./test-support";

// Images in use, the ECR re-scan setting and other clouds, synced through the real SDK from the
// emulator into a real Postgres: the cache says what Inspector says, unknown stays NULL.
let w: SyncWorld;
const q = async (sql: string, params: unknown[] = []) => (await w.database.pool.query(sql, params)).rows;

beforeAll(async () => {
  w = await startSyncWorld({ findings: 900 });
  const r = await w.sync({ full: true });
  expect(r.outcome).toBe("SUCCEEDED");
}, 120_000);
afterAll(() => w.close());

describe("sync: images in use", () => {
  it("every ECR finding gets coverage's inUseCount, lastInUseAt and imagePulledAt; other findings stay unknown", async () => {
    const client = inspector(w.emu);
    const cov = new Map<string, { inUseCount?: number; lastInUseAt?: Date; imagePulledAt?: Date }>();
    for await (const p of paginateListCoverage({ client }, {})) {
      for (const c of p.coveredResources!) if (c.resourceMetadata?.ecrImage) cov.set(c.resourceId!, c.resourceMetadata.ecrImage);
    }
    const listed = (await allFindings(client)).filter((f) => f.resources![0].type === "AWS_ECR_CONTAINER_IMAGE");
    expect(listed.length).toBeGreaterThan(20);
    const rows = await q("SELECT arn, resource_id, in_use_count, last_in_use_at, image_pulled_at FROM findings WHERE region = 'us-east-1' AND resource_type = 'AWS_ECR_CONTAINER_IMAGE'");
    expect(rows.length).toBe(listed.length);
    for (const r of rows) {
      const c = cov.get(r.resource_id)!;
      expect(r.in_use_count).toBe(c.inUseCount);
      expect(r.last_in_use_at?.getTime() ?? null).toBe(c.lastInUseAt?.getTime() ?? null);
      expect(r.image_pulled_at?.getTime() ?? null).toBe(c.imagePulledAt?.getTime() ?? null);
    }
    expect(rows.some((r) => r.in_use_count === 0)).toBe(true);
    expect(rows.some((r) => r.in_use_count > 0)).toBe(true);
    const [other] = await q("SELECT count(*)::int AS n FROM findings WHERE resource_type <> 'AWS_ECR_CONTAINER_IMAGE' AND in_use_count IS NOT NULL");
    expect(other.n).toBe(0);
  });

  it("stores GetConfiguration's ECR re-scan setting per region", async () => {
    expect(await q("SELECT region, rescan_duration, pull_date_rescan_duration, pull_date_rescan_mode, status, error FROM ecr_rescan_configs ORDER BY region")).toEqual([
      { region: "eu-west-1", rescan_duration: "LIFETIME", pull_date_rescan_duration: "DAYS_90", pull_date_rescan_mode: "LAST_PULL_DATE", status: "SUCCESS", error: null },
      { region: "us-east-1", rescan_duration: "DAYS_90", pull_date_rescan_duration: "DAYS_30", pull_date_rescan_mode: "LAST_IN_USE_AT", status: "SUCCESS", error: null },
    ]);
  });

  it("Azure resources keep their provider and subscription; AWS findings say AWS", async () => {
    const rows = await q("SELECT provider, count(*)::int AS n, count(DISTINCT provider_account_id)::int AS subs, bool_and(provider_account_id ~ '^[0-9a-f-]{36}$') AS uuid FROM findings GROUP BY provider ORDER BY provider");
    expect(rows.map((r) => r.provider)).toEqual(["AWS", "AZURE"]);
    expect(rows[1]).toMatchObject({ uuid: true });
    expect(rows[1].subs).toBeGreaterThan(0);
    expect(rows[0].uuid).toBe(null);
  });
});
