import { describe, expect, it } from "vitest";
import pg from "pg";
import { catalogFingerprint, coveringIndexes, migrationOnlyIndexes } from "./catalog-fingerprint";
import { applyMigrations, readMigrationsList, schemaSqlFromEmpty } from "./migrations";
import { createEmptyTestDatabase } from "./test-database";

describe("migrations", () => {
  it("apply to an empty database, record themselves like prisma migrate deploy, and match schema.prisma", async () => {
    const migrated = await createEmptyTestDatabase();
    const reference = await createEmptyTestDatabase();
    try {
      const applied = await applyMigrations(migrated.url);
      expect(applied).toEqual(readMigrationsList().migrationDirectories.map((d) => d.path));
      expect(await applyMigrations(migrated.url)).toEqual([]); // idempotent

      const a = new pg.Client({ connectionString: migrated.url });
      await a.connect();
      const history = await a.query("SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations");
      expect(history.rows.every((r) => r.finished_at && !r.rolled_back_at)).toBe(true);
      const fromMigrations = await catalogFingerprint(a);
      // What the fingerprint leaves out: the explorer's index-only walks (findings-search.ts) need these.
      const covering = await coveringIndexes(a);
      // And the package count's three indexes (findingsSetParts in findings-where.ts).
      const migrationOnly = await migrationOnlyIndexes(a);
      await a.end();

      // The reference is what the schema engine builds straight from schema.prisma.
      const b = new pg.Client({ connectionString: reference.url });
      await b.connect();
      await b.query(await schemaSqlFromEmpty(reference.url));
      const fromSchema = await catalogFingerprint(b);
      await b.end();

      expect(fromSchema.length).toBeGreaterThan(50);
      expect(fromMigrations).toEqual(fromSchema);
      expect(covering).toEqual({
        findings_status_inspector_score_id_idx: "region, resource_type, exploit_available, fix_available, in_use_count, first_observed_at, package_names",
        findings_status_severity_inspector_score_id_idx: "finding_key, account_id, exploit_available, resource_type, in_use_count, first_observed_at",
      });
      expect(migrationOnly).toEqual({
        // PostgreSQL prints a CASE on lines of its own.
        findings_first_package_status_epss_region_idx: [
          "btree ((package_names[1]), status, ((",
          "CASE",
          "    WHEN (epss_score IS NOT NULL) THEN floor((LEAST(GREATEST(epss_score, (0)::double precision), (1)::double precision) * (1000)::double precision))",
          "    ELSE NULL::double precision",
          "END)::smallint), region)",
        ].join("\n"),
        findings_first_package_status_severity_score_region_idx: [
          "btree ((package_names[1]), status, severity, ((",
          "CASE",
          "    WHEN (inspector_score IS NOT NULL) THEN floor((LEAST(GREATEST(inspector_score, (0)::double precision), (10)::double precision) * (10)::double precision))",
          "    ELSE NULL::double precision",
          "END)::smallint), region)",
        ].join("\n"),
        findings_open_first_package_age_idx:
          "btree ((package_names[1]), first_observed_at) WHERE ((status = 'ACTIVE'::text) AND ((resource_type <> 'AWS_ECR_CONTAINER_IMAGE'::text) OR (in_use_count IS DISTINCT FROM 0)))",
        findings_package_names_several_idx: "gin (package_names) WHERE (cardinality(package_names) > 1)",
        finding_resource_names_search_trgm_idx: "gin (search gin_trgm_ops)",
      });
    } finally {
      await migrated.drop();
      await reference.drop();
    }
  });
});
