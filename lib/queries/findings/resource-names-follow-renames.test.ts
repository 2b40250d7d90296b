// A resource name leaves the explorer's resource search once no finding carries it (the update
// trigger of migration resource_names_follow_renames), and a search for it then finds nothing: it
// found the resource's findings under their new name before. The names of a resource known under
// several at once are also its aliases (migration resource_aliases), which a broad search adds.
import { describe, expect, it } from "vitest";
import pg from "pg";
import type { Finding } from "@aws-sdk/client-inspector2";
import { setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { broadArns } from "@/lib/queries/findings/broad-resource-search.test-support";
import { resolveResourceMatch } from "@/lib/queries/findings/resource-match";
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";
import { ecrFinding } from "@/lib/sync/map/fixtures";
import { toFindingRow, type FindingRow } from "@/lib/sync/map/finding-row";
import { upsertFindings } from "@/lib/sync/write/finding-writer";

const database = setupQueryTestDatabase();
const arn = (n: number) => `arn:aws:inspector2:us-east-1:111122223333:finding/${String(n).padStart(32, "e")}`;
function row(n: number, over: Partial<Finding> = {}): FindingRow {
  const r = toFindingRow(ecrFinding({ findingArn: arn(n), ...over }), "us-east-1");
  if (!r.ok) throw new Error(r.error);
  return r.row;
}
const image = (repository: string, tag: string) => ({
  type: "AWS_ECR_CONTAINER_IMAGE" as const, id: `arn:aws:ecr:us-east-1:111122223333:repository/${repository}/sha256:feed`, region: "us-east-1",
  details: { awsEcrContainerImage: { registry: "111122223333", repositoryName: repository, imageTags: [tag], imageHash: "sha256:feed" } },
});
const aliases = async (pool: Pick<pg.Pool, "query">) =>
  (await pool.query("SELECT name FROM finding_resource_aliases ORDER BY name")).rows.map((r) => r.name);
const matchedIds = async (text: string) => {
  const resolved = await resolveResourceMatch(parseFindingsFilter(new URLSearchParams({ resource: text })).filter);
  return resolved.resourceMatch?.ids ?? [];
};

describe("the resource search after a rename", () => {
  it("forgets a name no finding carries, keeps one another finding still carries, and the others", async () => {
    const pool = database().pool;
    const ctx = { runId: null, syncedAt: new Date("2024-09-06T00:00:00Z") };
    const later = (day: number) => new Date(Date.UTC(2024, 8, day));
    await upsertFindings(pool, [row(1, { resources: [image("ledger", "v1")] }), row(2, { resources: [image("payroll", "v7")] }),
      row(3, { resources: [image("payroll", "v7")] })], ctx);
    const ledger = "arn:aws:ecr:us-east-1:111122223333:repository/ledger/sha256:feed";
    const payroll = "arn:aws:ecr:us-east-1:111122223333:repository/payroll/sha256:feed";
    expect(await matchedIds("ledger:v1")).toEqual([ledger]);
    expect(await aliases(pool)).toEqual([]);
    // Finding 1's image moved to tag v2; one of payroll's two findings moved to v8.
    await upsertFindings(pool, [row(1, { updatedAt: later(8), resources: [image("ledger", "v2")] }), row(3, { updatedAt: later(8), resources: [image("payroll", "v8")] })], ctx);
    expect(await matchedIds("ledger:v1")).toEqual([]);
    expect(await matchedIds("ledger:v2")).toEqual([ledger]);
    expect(await matchedIds("payroll:v7")).toEqual([payroll]); // finding 2 still carries it
    expect(await matchedIds("payroll:v8")).toEqual([payroll]);
    const names = async () => (await pool.query("SELECT name FROM finding_resource_names ORDER BY name")).rows.map((r) => r.name);
    expect(await names()).toEqual(["ledger:v2", "payroll:v7", "payroll:v8"]);
    // payroll is known as v7 and v8 at once; ledger's v1 is gone with the rename, so it has one name.
    expect(await aliases(pool)).toEqual(["payroll:v7", "payroll:v8"]);
    // A broad search finds both of payroll's findings by either name, as a listed one does.
    expect(await broadArns("payroll:v7")).toEqual([arn(2), arn(3)]);
    expect(await broadArns("payroll:v8")).toEqual([arn(2), arn(3)]);
    // An update that renames nothing (a re-listing's rewrite) deletes nothing.
    await upsertFindings(pool, [row(2, { updatedAt: later(9), resources: [image("payroll", "v7")] })], ctx);
    expect(await names()).toEqual(["ledger:v2", "payroll:v7", "payroll:v8"]);
    // Finding 2 follows to v8: nothing carries v7 any more.
    await upsertFindings(pool, [row(2, { updatedAt: later(10), resources: [image("payroll", "v8")] })], ctx);
    expect(await names()).toEqual(["ledger:v2", "payroll:v8"]);
    expect(await matchedIds("payroll:v7")).toEqual([]);
    expect(await aliases(pool)).toEqual([]);
    expect(await broadArns("payroll:v7")).toEqual([]);
  });

  it("keeps a name that a finding another writer has not yet committed carries", async () => {
    const db = database();
    const ctx = { runId: null, syncedAt: new Date("2024-09-06T00:00:00Z") };
    const billing = "arn:aws:ecr:us-east-1:111122223333:repository/billing/sha256:feed";
    await upsertFindings(db.pool, [row(11, { resources: [image("billing", "v1")] })], ctx);
    // Finding 12, on the same image as v1, arrives while finding 11 follows the image to v2. Before the
    // rename lock the rename's delete could not see finding 12 (not yet committed) and dropped v1, which
    // finding 12 had found present: once both committed, a search for v1 missed finding 12.
    const newcomer = [row(12, { resources: [image("billing", "v1")] })];
    const rename = [row(11, { updatedAt: new Date(Date.UTC(2024, 8, 8)), resources: [image("billing", "v2")] })];
    if (db.flavour === "postgres-server") {
      const other = new pg.Client({ connectionString: db.url });
      await other.connect();
      try {
        await other.query("BEGIN");
        await upsertFindings(other, newcomer, ctx);
        let renamed = false;
        const renaming = upsertFindings(db.pool, rename, ctx).then(() => (renamed = true));
        await new Promise((r) => setTimeout(r, 300));
        expect(renamed).toBe(false); // the rename waits for the writer in flight...
        await other.query("COMMIT");
        await renaming; // ...then sees finding 12 and keeps v1
      } finally {
        await other.end();
      }
    } else {
      // PGlite has one session: a writer is never in flight beside another. The writes run in turn.
      await upsertFindings(db.pool, newcomer, ctx);
      await upsertFindings(db.pool, rename, ctx);
    }
    expect(await matchedIds("billing:v1")).toEqual([billing]);
    expect(await matchedIds("billing:v2")).toEqual([billing]);
    const names = (await db.pool.query("SELECT name FROM finding_resource_names WHERE resource_id = $1 ORDER BY name", [billing])).rows.map((r) => r.name);
    expect(names).toEqual(["billing:v1", "billing:v2"]);
    expect(await aliases(db.pool)).toEqual(["billing:v1", "billing:v2"]);
  });
});
