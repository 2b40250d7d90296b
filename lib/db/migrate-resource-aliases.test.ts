// The resource aliases migration copies the names of every resource the cache already knows under
// more than one (finding_resource_names), and only those; its triggers keep them from then on
// (lib/queries/findings/resource-names-follow-renames.test.ts).
import type pg from "pg";
import { describe, expect, it } from "vitest";
import { setupDatabaseMigratedThrough } from "./migrations-before";

const MIGRATION = "20261205031641_resource_aliases";

const insert = (client: pg.Client, arn: string, resourceId: string, name: string | null) => client.query(
  `INSERT INTO findings (arn, account_id, region, type, title, severity, status, finding_key, resource_type, resource_id,
     resource_name, first_observed_at, last_observed_at, updated_at, raw)
   VALUES ($1, '111122223333', 'us-east-1', 'PACKAGE_VULNERABILITY', 't', 'HIGH', 'ACTIVE', 'CVE-1', 'AWS_EC2_INSTANCE', $2,
     $3, now(), now(), now(), '{}')`,
  [arn, resourceId, name]);

const database = setupDatabaseMigratedThrough(MIGRATION, async (client) => {
  await insert(client, "a1", "i-renamed", "web-old");
  await insert(client, "a2", "i-renamed", "web-new");
  await insert(client, "a3", "i-renamed", "web-new");
  await insert(client, "b1", "i-one-name", "db");
  await insert(client, "b2", "i-one-name", "db");
  await insert(client, "c1", "i-unnamed", null);
});

describe("resource aliases migration", () => {
  it("copies the names of the resources known under several, and no other", async () => {
    const { rows } = await database().query("SELECT resource_id, name, search FROM finding_resource_aliases ORDER BY 1, 2");
    expect(rows).toEqual([
      { resource_id: "i-renamed", name: "web-new", search: "i-renamed\nweb-new" },
      { resource_id: "i-renamed", name: "web-old", search: "i-renamed\nweb-old" },
    ]);
  });
});
