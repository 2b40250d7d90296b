// The finding model through the bulk writer on real Postgres: keys and aliases, every resource in
// the view finding_resources (added, changed, trimmed; only resources 2…n stored in finding_other_resources), exploit YES / NO / not applicable with its source.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "@aws-sdk/client-inspector2";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { ecrFinding } from "../map/fixtures";
import { toFindingRow, type FindingRow } from "../map/finding-row";
import { upsertFindings } from "./finding-writer";

const arn = (n: number) => `arn:aws:inspector2:us-east-1:111122223333:finding/${String(n).padStart(32, "f")}`;
const at = (iso: string) => new Date(iso);
function row(n: number, over: Partial<Finding> = {}): FindingRow {
  const r = toFindingRow(ecrFinding({ findingArn: arn(n), ...over }), "us-east-1");
  if (!r.ok) throw new Error(r.error);
  return r.row;
}
const ec2 = (id: string, tags: Record<string, string> = {}) => ({ type: "AWS_EC2_INSTANCE" as const, id, region: "us-east-1", tags, details: { awsEc2Instance: { imageId: `ami-${id}` } } });

describe("finding model writes", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());
  const ctx = { runId: null, syncedAt: at("2024-09-06T00:00:00Z") };
  const resources = async (n: number) =>
    (await t.pool.query("SELECT position, type, resource_id, name, region, tags, ami_id FROM finding_resources WHERE finding_arn = $1 ORDER BY position", [arn(n)])).rows;
  const finding = async (n: number) => (await t.pool.query("SELECT * FROM findings WHERE arn = $1", [arn(n)])).rows[0];
  const events = async (n: number) =>
    (await t.pool.query("SELECT kind, from_value, to_value FROM finding_events WHERE finding_arn = $1 AND kind = 'EXPLOITABLE' ORDER BY id", [arn(n)])).rows;

  it("writes every resource of a finding in the same statement, position 0 being the primary", async () => {
    await upsertFindings(t.pool, [row(1, { resources: [ec2("i-1"), ec2("i-2", { env: "prod" }), ec2("i-3")] }), row(2)], ctx);
    expect((await resources(1)).map((r) => [r.position, r.resource_id, r.ami_id])).toEqual([[0, "i-1", "ami-i-1"], [1, "i-2", "ami-i-2"], [2, "i-3", "ami-i-3"]]);
    expect((await resources(1))[1]).toMatchObject({ type: "AWS_EC2_INSTANCE", name: "i-2", region: "us-east-1", tags: { env: "prod" } });
    expect((await resources(2)).map((r) => r.position)).toEqual([0]);
    expect((await finding(1)).resource_id).toBe("i-1");
    // The primary resource is stored once, in the finding's own columns.
    const stored = await t.pool.query("SELECT finding_arn, position, resource_id FROM finding_other_resources ORDER BY finding_arn, position");
    expect(stored.rows).toEqual([{ finding_arn: arn(1), position: 1, resource_id: "i-2" }, { finding_arn: arn(1), position: 2, resource_id: "i-3" }]);
  });

  it("follows a finding's resources as they change, and drops the ones it no longer has", async () => {
    await upsertFindings(t.pool, [row(1, { updatedAt: at("2024-09-07T00:00:00Z"), resources: [ec2("i-1"), ec2("i-9")] })], ctx);
    expect((await resources(1)).map((r) => r.resource_id)).toEqual(["i-1", "i-9"]);
    // An older version is not written, its resources neither.
    await upsertFindings(t.pool, [row(1, { updatedAt: at("2024-09-01T00:00:00Z"), resources: [ec2("i-old")] })], ctx);
    expect((await resources(1)).map((r) => r.resource_id)).toEqual(["i-1", "i-9"]);
  });

  it("keeps each first resource's id and the names findings carry searchable, and empties them with the findings table", async () => {
    const image = (tag: string) => ({ type: "AWS_ECR_CONTAINER_IMAGE" as const, id: "arn:aws:ecr:us-east-1:111122223333:repository/Billing/sha256:feed", region: "us-east-1",
      details: { awsEcrContainerImage: { registry: "111122223333", repositoryName: "Billing", imageTags: [tag], imageHash: "sha256:feed" } } });
    const names = async () => (await t.pool.query(
      "SELECT name, search FROM finding_resource_names WHERE resource_id LIKE '%Billing%' ORDER BY name")).rows;
    await upsertFindings(t.pool, [row(20, { resources: [image("v1")] })], ctx);
    const id = "arn:aws:ecr:us-east-1:111122223333:repository/billing/sha256:feed";
    expect(await names()).toEqual([{ name: "Billing:v1", search: `${id}\nbilling:v1` }]);
    // The tag moved: an update of the finding adds the new name and drops the old one, which no finding
    // carries any more (resource-names-follow-renames.test.ts has the cases).
    await upsertFindings(t.pool, [row(20, { updatedAt: at("2024-09-08T00:00:00Z"), resources: [image("v2")] })], ctx);
    expect((await names()).map((r) => r.name)).toEqual(["Billing:v2"]);
    // A second finding on the same resource and name adds nothing.
    await upsertFindings(t.pool, [row(21, { resources: [image("v2")] })], ctx);
    expect((await names()).length).toBe(1);
    const db = await createTestDatabase();
    try {
      await upsertFindings(db.pool, [row(22, { resources: [image("v3")] })], ctx);
      expect((await db.pool.query("SELECT count(*)::int AS n FROM finding_resource_names")).rows[0].n).toBe(1);
      await db.pool.query("TRUNCATE findings CASCADE");
      expect((await db.pool.query("SELECT count(*)::int AS n FROM finding_resource_names")).rows[0].n).toBe(0);
    } finally {
      await db.close();
    }
  });

  it("keys findings of every type and keeps related vulnerabilities, case kept", async () => {
    await upsertFindings(t.pool, [
      row(3, { packageVulnerabilityDetails: { vulnerabilityId: "GHSA-9wv6-86v2-598j", source: "GITHUB", relatedVulnerabilities: [] } }),
      row(4, { packageVulnerabilityDetails: { vulnerabilityId: "CVE-2024-1", source: "NVD", relatedVulnerabilities: ["GHSA-aaaa-bbbb-cccc"] } }),
      row(5, { type: "NETWORK_REACHABILITY", packageVulnerabilityDetails: undefined, exploitAvailable: undefined,
        networkReachabilityDetails: { openPortRange: { begin: 22, end: 22 }, protocol: "TCP", networkPath: { steps: [] } } }),
    ], ctx);
    expect([(await finding(3)).finding_key, (await finding(4)).finding_key, (await finding(5)).finding_key]).toEqual(["GHSA-9wv6-86v2-598j", "CVE-2024-1", "network:TCP:22-22"]);
    expect((await finding(4)).related_vulnerabilities).toEqual(["GHSA-aaaa-bbbb-cccc"]);
    expect((await finding(5)).exploit_available).toBeNull();
  });

  it("takes exploitable since from Inspector's last known exploit, else when the cache first saw YES, and records both directions", async () => {
    await upsertFindings(t.pool, [row(6, { exploitAvailable: "NO" })], ctx);
    await upsertFindings(t.pool, [row(6, { exploitAvailable: "YES", updatedAt: at("2024-09-10T00:00:00Z") })], ctx);
    expect(await finding(6)).toMatchObject({ exploit_available: "YES", exploit_since: at("2024-09-10T00:00:00Z"), exploit_since_source: "CACHE_FIRST_SAW" });
    await upsertFindings(t.pool, [row(6, { exploitAvailable: "YES", updatedAt: at("2024-09-11T00:00:00Z") })], ctx);
    expect((await finding(6)).exploit_since).toEqual(at("2024-09-10T00:00:00Z"));
    await upsertFindings(t.pool, [row(6, { exploitAvailable: "YES", updatedAt: at("2024-09-12T00:00:00Z"), exploitabilityDetails: { lastKnownExploitAt: at("2024-08-01T00:00:00Z") } })], ctx);
    expect(await finding(6)).toMatchObject({ exploit_since: at("2024-08-01T00:00:00Z"), exploit_since_source: "LAST_KNOWN_EXPLOIT" });
    await upsertFindings(t.pool, [row(6, { exploitAvailable: "NO", updatedAt: at("2024-09-13T00:00:00Z") })], ctx);
    expect(await finding(6)).toMatchObject({ exploit_available: "NO", exploit_since: null, exploit_since_source: null });
    await upsertFindings(t.pool, [row(6, { exploitAvailable: undefined, updatedAt: at("2024-09-14T00:00:00Z") })], ctx);
    expect(await events(6)).toEqual([
      { kind: "EXPLOITABLE", from_value: "NO", to_value: "YES" },
      { kind: "EXPLOITABLE", from_value: "YES", to_value: "NO" },
      { kind: "EXPLOITABLE", from_value: "NO", to_value: null },
    ]);
  });
});
