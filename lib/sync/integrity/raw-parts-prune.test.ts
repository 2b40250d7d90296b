// A part stays while any finding points to it, and goes once none does.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { ecrFinding } from "../map/fixtures";
import { toFindingRow, type FindingRow } from "../map/finding-row";
import { upsertFindings } from "../write/finding-writer";
import { pruneRawParts } from "./raw-parts-prune";

const arn = (n: number) => `arn:aws:inspector2:us-east-1:111122223333:finding/${String(n).padStart(32, "0")}`;
function row(n: number, over: Parameters<typeof ecrFinding>[0] = {}): FindingRow {
  const r = toFindingRow(ecrFinding({ findingArn: arn(n), ...over }), "us-east-1");
  if (!r.ok) throw new Error(r.error);
  return r.row;
}

describe("pruneRawParts", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());
  const ctx = { runId: null, syncedAt: new Date("2024-09-06T00:00:00Z") };
  const parts = async () => (await t.pool.query("SELECT id FROM finding_raw_parts ORDER BY id")).rows.map((r) => r.id as string);
  const pointedTo = async () =>
    (await t.pool.query("SELECT DISTINCT unnest(ARRAY[raw_vulnerability_part, raw_resources_part, raw_installed_part]) AS id FROM findings ORDER BY 1")).rows.map((r) => r.id as string);

  it("keeps every part a finding points to, and deletes the ones left behind", async () => {
    await upsertFindings(t.pool, [row(1), row(2)], ctx);
    const first = await parts();
    expect(first).toHaveLength(3); // one vulnerability, one image, one list of installed packages
    expect(await pruneRawParts(t.pool)).toMatchObject({ pruned: 0 });
    // Finding 1's vulnerability text changes: the old part is still finding 2's.
    const newText = { remediation: { recommendation: { text: "Upgrade to 3.0.15" } } };
    await upsertFindings(t.pool, [row(1, newText)], ctx);
    expect(await pruneRawParts(t.pool)).toMatchObject({ pruned: 0 });
    expect(await parts()).toHaveLength(4);
    // Then finding 2's: nothing points to the old part any more.
    await upsertFindings(t.pool, [row(2, newText)], ctx);
    expect(await pruneRawParts(t.pool)).toMatchObject({ pruned: 1 });
    expect(await parts()).toEqual(await pointedTo());
    expect(await parts()).toHaveLength(3);
    // Both images patched to a newer openssl: the old list of installed packages goes too.
    const patched = { ...newText, updatedAt: new Date("2024-09-07T00:00:00Z"),
      packageVulnerabilityDetails: { ...ecrFinding().packageVulnerabilityDetails!, vulnerablePackages: [{ name: "openssl", version: "3.0.14" }] } };
    await upsertFindings(t.pool, [row(1, patched), row(2, patched)], ctx);
    expect(await pruneRawParts(t.pool)).toMatchObject({ pruned: 1 });
    expect(await parts()).toEqual(await pointedTo());
    expect(await parts()).toHaveLength(3);
  });
});
