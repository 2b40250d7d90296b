// finding_other_resources: a cache from before keeps every resource of its findings. Position 0 (a
// copy of the finding's own columns) is no longer stored; the view finding_resources shows it again,
// and the other positions moved over as they were.
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { setupDatabaseMigratedThrough } from "./migrations-before";

const MIGRATION = "20261202000000_finding_other_resources";

const finding = (client: pg.Client, arn: string, resourceId: string) => client.query(
  `INSERT INTO findings (arn, account_id, region, type, title, severity, status, finding_key, resource_type, resource_id, resource_name,
     resource_tags, ecr_repository, first_observed_at, last_observed_at, updated_at, raw)
   VALUES ($1, '111122223333', 'eu-west-1', 'PACKAGE_VULNERABILITY', 't', 'HIGH', 'ACTIVE', 'CVE-1', 'AWS_ECR_CONTAINER_IMAGE', $2, 'app:v1',
     '{"team":"a"}', 'app', now(), now(), now(), '{}')`, [arn, resourceId]);
const resource = (client: pg.Client, arn: string, position: number, resourceId: string, region: string) => client.query(
  `INSERT INTO finding_resources (finding_arn, position, type, resource_id, name, region, tags, ecr_repository)
   VALUES ($1, $2, 'AWS_ECR_CONTAINER_IMAGE', $3, 'app:v1', $4, '{"team":"a"}', CASE WHEN $2 = 0 THEN 'app' END)`, [arn, position, resourceId, region]);

const database = setupDatabaseMigratedThrough(MIGRATION, async (client) => {
  await finding(client, "one", "img-1");
  await resource(client, "one", 0, "img-1", "eu-west-1");
  await finding(client, "three", "img-a");
  await resource(client, "three", 0, "img-a", "eu-west-1");
  await resource(client, "three", 1, "img-b", "us-east-1");
  await resource(client, "three", 2, "img-c", "eu-west-1");
});

describe("finding_other_resources migration", () => {
  it("stores only the resources after the first", async () => {
    const { rows } = await database().query("SELECT finding_arn, position, resource_id, region FROM finding_other_resources ORDER BY finding_arn, position");
    expect(rows).toEqual([
      { finding_arn: "three", position: 1, resource_id: "img-b", region: "us-east-1" },
      { finding_arn: "three", position: 2, resource_id: "img-c", region: "eu-west-1" },
    ]);
  });

  it("shows every resource through finding_resources as before, the first from the finding's columns", async () => {
    const { rows } = await database().query(
      "SELECT finding_arn, position, type, resource_id, name, region, tags, ecr_repository FROM finding_resources ORDER BY finding_arn, position");
    expect(rows).toEqual([
      { finding_arn: "one", position: 0, type: "AWS_ECR_CONTAINER_IMAGE", resource_id: "img-1", name: "app:v1", region: "eu-west-1", tags: { team: "a" }, ecr_repository: "app" },
      { finding_arn: "three", position: 0, type: "AWS_ECR_CONTAINER_IMAGE", resource_id: "img-a", name: "app:v1", region: "eu-west-1", tags: { team: "a" }, ecr_repository: "app" },
      { finding_arn: "three", position: 1, type: "AWS_ECR_CONTAINER_IMAGE", resource_id: "img-b", name: "app:v1", region: "us-east-1", tags: { team: "a" }, ecr_repository: null },
      { finding_arn: "three", position: 2, type: "AWS_ECR_CONTAINER_IMAGE", resource_id: "img-c", name: "app:v1", region: "eu-west-1", tags: { team: "a" }, ecr_repository: null },
    ]);
  });

  it("drops a finding's other resources with the finding", async () => {
    await database().query("DELETE FROM findings WHERE arn = 'three'");
    expect((await database().query("SELECT count(*)::int AS n FROM finding_other_resources")).rows[0].n).toBe(0);
    expect((await database().query("SELECT finding_arn, position FROM finding_resources")).rows).toEqual([{ finding_arn: "one", position: 0 }]);
  });
});
