// Findings cached before in-use and provider columns existed get them from their raw JSON when the
// migration runs: epoch-second and ISO timestamps, absent = unknown (NULL), non-AWS providers kept.
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { setupDatabaseMigratedThrough } from "./migrations-before";

const MIGRATION = "20261130203234_images_in_use_and_provider";

const insert = (client: pg.Client, arn: string, type: string, raw: unknown) => client.query(
  `INSERT INTO findings (arn, account_id, region, type, title, severity, status, finding_key, resource_type, resource_id,
     first_observed_at, last_observed_at, updated_at, raw)
   VALUES ($1, '111122223333', 'us-east-1', 'PACKAGE_VULNERABILITY', 't', 'HIGH', 'ACTIVE', 'CVE-1', $2, 'r', now(), now(), now(), $3)`,
  [arn, type, JSON.stringify(raw)]);
const image = (d: Record<string, unknown>) => ({ resources: [{ type: "AWS_ECR_CONTAINER_IMAGE", details: { awsEcrContainerImage: d } }] });

const database = setupDatabaseMigratedThrough(MIGRATION, async (client) => {
  await insert(client, "running", "AWS_ECR_CONTAINER_IMAGE", image({ inUseCount: 2, lastInUseAt: 1763640000 }));
  await insert(client, "idle-iso", "AWS_ECR_CONTAINER_IMAGE", image({ inUseCount: 0, lastInUseAt: "2025-11-20T12:00:00.000Z" }));
  await insert(client, "unknown", "AWS_ECR_CONTAINER_IMAGE", image({}));
  await insert(client, "ec2", "AWS_EC2_INSTANCE", { resources: [{ type: "AWS_EC2_INSTANCE" }] });
  await insert(client, "azure", "Microsoft.Compute/virtualMachines", { resources: [{ type: "Microsoft.Compute/virtualMachines", provider: "AZURE", providerAccountId: "sub-1" }] });
});

describe("images in use migration", () => {
  it("fills in-use and provider columns from raw; unknown stays NULL", async () => {
    const { rows } = await database().query("SELECT arn, in_use_count, last_in_use_at, image_pulled_at, provider, provider_account_id FROM findings ORDER BY arn");
    expect(rows).toEqual([
      { arn: "azure", in_use_count: null, last_in_use_at: null, image_pulled_at: null, provider: "AZURE", provider_account_id: "sub-1" },
      { arn: "ec2", in_use_count: null, last_in_use_at: null, image_pulled_at: null, provider: "AWS", provider_account_id: null },
      { arn: "idle-iso", in_use_count: 0, last_in_use_at: new Date("2025-11-20T12:00:00Z"), image_pulled_at: null, provider: "AWS", provider_account_id: null },
      { arn: "running", in_use_count: 2, last_in_use_at: new Date(1763640000 * 1000), image_pulled_at: null, provider: "AWS", provider_account_id: null },
      { arn: "unknown", in_use_count: null, last_in_use_at: null, image_pulled_at: null, provider: "AWS", provider_account_id: null },
    ]);
  });
});
