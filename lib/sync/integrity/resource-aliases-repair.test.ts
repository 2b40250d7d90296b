// The resource aliases under concurrent writes: the sync's writers take turns, so their triggers see
// each other's names; two transactions adding names outside them can each miss the other's (the
// triggers' known race), and the check after a full listing mends that.
import { describe, expect, it } from "vitest";
import pg from "pg";
import type { Finding } from "@aws-sdk/client-inspector2";
import { setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { broadArns } from "@/lib/queries/findings/broad-resource-search.test-support";
import { ecrFinding } from "../map/fixtures";
import { toFindingRow, type FindingRow } from "../map/finding-row";
import { upsertFindings } from "../write/finding-writer";
import { repairResourceAliases } from "./resource-aliases-repair";

const database = setupQueryTestDatabase();
const ctx = { runId: null, syncedAt: new Date("2024-09-06T00:00:00Z") };
const arn = (n: number) => `arn:aws:inspector2:us-east-1:111122223333:finding/${String(n).padStart(32, "a")}`;
const image = (repository: string, tag: string) => ({
  type: "AWS_ECR_CONTAINER_IMAGE" as const, id: `arn:aws:ecr:us-east-1:111122223333:repository/${repository}/sha256:cafe`, region: "us-east-1",
  details: { awsEcrContainerImage: { registry: "111122223333", repositoryName: repository, imageTags: [tag], imageHash: "sha256:cafe" } },
});
function row(n: number, over: Partial<Finding> = {}): FindingRow {
  const r = toFindingRow(ecrFinding({ findingArn: arn(n), ...over }), "us-east-1");
  if (!r.ok) throw new Error(r.error);
  return r.row;
}
const aliases = async () => (await database().pool.query("SELECT resource_id, name FROM finding_resource_aliases ORDER BY 1, 2")).rows;

/** Two writers at once on a server (each transaction open while the other writes), in turn on PGlite. */
async function overlapping(write: (client: Pick<pg.Pool, "query">) => Promise<unknown>, other: (client: Pick<pg.Pool, "query">) => Promise<unknown>) {
  const db = database();
  if (db.flavour !== "postgres-server") {
    // PGlite has one session: writers never overlap there.
    await write(db.pool);
    await other(db.pool);
    return;
  }
  const a = new pg.Client({ connectionString: db.url }), b = new pg.Client({ connectionString: db.url });
  await a.connect();
  await b.connect();
  try {
    await a.query("BEGIN");
    await b.query("BEGIN");
    await write(a);
    // The second starts while the first is uncommitted, and may wait for it.
    const second = other(b);
    await new Promise((r) => setTimeout(r, 300));
    await a.query("COMMIT");
    await second;
    await b.query("COMMIT");
  } finally {
    await a.end();
    await b.end();
  }
}

const ledger = "arn:aws:ecr:us-east-1:111122223333:repository/ledger/sha256:cafe";
const payroll = "arn:aws:ecr:us-east-1:111122223333:repository/payroll/sha256:cafe";

describe("the resource aliases", () => {
  it("are whole when two of the sync's writers add a first and a second name of one image at once", async () => {
    // The writers take turns (a second waits for the first to commit), so its trigger sees both names.
    await overlapping((c) => upsertFindings(c, [row(1, { resources: [image("ledger", "v1")] })], ctx), (c) => upsertFindings(c, [row(2, { resources: [image("ledger", "v2")] })], ctx));
    expect(await aliases()).toEqual([{ resource_id: ledger, name: "ledger:v1" }, { resource_id: ledger, name: "ledger:v2" }]);
    expect(await repairResourceAliases(database().pool)).toMatchObject({ added: 0, removed: 0 });
  });

  it("are mended after a full listing when two transactions' triggers each missed the other's name, or one outlived its names", async () => {
    const db = database();
    await db.pool.query("TRUNCATE findings CASCADE");
    await db.pool.query("DELETE FROM finding_resource_aliases");
    await upsertFindings(db.pool, [row(1, { resources: [image("ledger", "v1")] }), row(2, { resources: [image("ledger", "v1")] })], ctx);
    // The triggers' own race (migration 20261205031641_resource_aliases): two transactions outside the
    // writers' turns each add a first name of an image the cache does not know yet; each statement's
    // trigger sees one name and copies none.
    const addName = (name: string) => (c: Pick<pg.Pool, "query">) =>
      c.query("INSERT INTO finding_resource_names (resource_id, name, search) VALUES ($1, $2, lower($1 || chr(10) || $2))", [payroll, name]);
    await overlapping(addName("payroll:v8"), addName("payroll:v9"));
    if (db.flavour !== "postgres-server") await db.pool.query("DELETE FROM finding_resource_aliases"); // the race's outcome, by hand
    // Then a finding of that image arrives under one of the names (already there: nothing is added).
    await upsertFindings(db.pool, [row(3, { resources: [image("payroll", "v9")] })], ctx);
    // And a pair left behind: an alias of a resource known under one name only.
    await db.pool.query("INSERT INTO finding_resource_aliases (resource_id, name, search) VALUES ($1, 'ledger:v0', $2)", [ledger, `${ledger}\nledger:v0`]);
    expect(await aliases()).toEqual([{ resource_id: ledger, name: "ledger:v0" }]);
    expect(await broadArns("payroll:v8")).toEqual([]); // the image's finding, missed under its other name

    expect(await repairResourceAliases(db.pool)).toMatchObject({ added: 2, removed: 1 });
    expect(await aliases()).toEqual([{ resource_id: payroll, name: "payroll:v8" }, { resource_id: payroll, name: "payroll:v9" }]);
    expect(await broadArns("payroll:v8")).toEqual([arn(3)]);
    expect(await repairResourceAliases(db.pool)).toMatchObject({ added: 0, removed: 0 });
  });
});
