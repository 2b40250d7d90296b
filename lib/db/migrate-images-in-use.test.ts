// Findings cached before in-use and provider columns existed get them from their raw JSON when the
// migration runs: epoch-second and ISO timestamps, absent = unknown (NULL), non-AWS providers kept.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "./migrations";
import { applyMigrationsBefore } from "./migrations-before";
import { createEmptyTestDatabase } from "./test-database";

const MIGRATION = "20261130203234_images_in_use_and_provider";
let db: Awaited<ReturnType<typeof createEmptyTestDatabase>>;
let client: pg.Client;

const insert = (arn: string, type: string, raw: unknown) => client.query(
  `INSERT INTO findings (arn, account_id, region, type, title, severity, status, finding_key, resource_type, resource_id,
     first_observed_at, last_observed_at, updated_at, raw)
   VALUES ($1, '111122223333', 'us-east-1', 'PACKAGE_VULNERABILITY', 't', 'HIGH', 'ACTIVE', 'CVE-1', $2, 'r', now(), now(), now(), $3)`,
  [arn, type, JSON.stringify(raw)]);
const image = (d: Record<string, unknown>) => ({ resources: [{ type: "AWS_ECR_CONTAINER_IMAGE", details: { awsEcrContainerImage: d } }] });

beforeAll(async () => {
  db = await createEmptyTestDatabase();
  await applyMigrationsBefore(db.url, MIGRATION);
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  await insert("running", "AWS_ECR_CONTAINER_IMAGE", image({ inUseCount: 2, lastInUseAt: 1763640000 }));
  await insert("idle-iso", "AWS_ECR_CONTAINER_IMAGE", image({ inUseCount: 0, lastInUseAt: "2025-11-20T12:00:00.000Z" }));
  await insert("unknown", "AWS_ECR_CONTAINER_IMAGE", image({}));
  await insert("ec2", "AWS_EC2_INSTANCE", { resources: [{ type: "AWS_EC2_INSTANCE" }] });
  await insert("azure", "Microsoft.Compute/virtualMachines", { resources: [{ type: "Microsoft.Compute/virtualMachines", provider: "AZURE", providerAccountId: "sub-1" }] });
  expect(await applyMigrations(db.url)).toContain(MIGRATION);
}, 120_000);

afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe("images in use migration", () => {
  it("fills in-use and provider columns from raw; unknown stays NULL", async () => {
    const { rows } = await client.query("SELECT arn, in_use_count, last_in_use_at, image_pulled_at, provider, provider_account_id FROM findings ORDER BY arn");
    expect(rows).toEqual([
      { arn: "azure", in_use_count: null, last_in_use_at: null, image_pulled_at: null, provider: "AZURE", provider_account_id: "sub-1" },
      { arn: "ec2", in_use_count: null, last_in_use_at: null, image_pulled_at: null, provider: "AWS", provider_account_id: null },
      { arn: "idle-iso", in_use_count: 0, last_in_use_at: new Date("2025-11-20T12:00:00Z"), image_pulled_at: null, provider: "AWS", provider_account_id: null },
      { arn: "running", in_use_count: 2, last_in_use_at: new Date(1763640000 * 1000), image_pulled_at: null, provider: "AWS", provider_account_id: null },
      { arn: "unknown", in_use_count: null, last_in_use_at: null, image_pulled_at: null, provider: "AWS", provider_account_id: null },
    ]);
  });
});
