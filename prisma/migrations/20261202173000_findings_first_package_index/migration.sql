-- The explorer counts a package's findings up to its cap of 10,001 (package=openssl&region=us-east-1).
-- Read through the GIN index of package lists, that meant a heap row for every openssl finding
-- in any region or status until 10,001 matched: at 10M findings 64,964 rows on 28,700 heap pages,
-- 450 ms warm and 3.9 s cold. The count now reads two disjoint parts (findingsSetParts in
-- lib/queries/findings/findings-where.ts): findings whose first listed package it is, by this
-- index with the status and region as keys (7 bytes a finding at 10M: btree deduplication folds
-- the repeated keys), and findings listing it further down, by a GIN index of only the findings
-- with several packages.
-- Neither can be stated in schema.prisma (an expression key, a partial index): the catalog
-- fingerprint lists them apart and lib/db/migrations.test.ts checks them.
CREATE INDEX "findings_first_package_status_region_idx" ON "findings"((package_names[1]), "status", "region");

CREATE INDEX "findings_package_names_several_idx" ON "findings" USING GIN ("package_names") WHERE cardinality(package_names) > 1;

-- How many findings list several packages, for the planner: without it the second part was
-- estimated at a third of all findings and read with parallel workers (46 ms to start them, for
-- no rows at 10M).
CREATE STATISTICS "findings_package_count_stats" ON (cardinality(package_names)) FROM "findings";
