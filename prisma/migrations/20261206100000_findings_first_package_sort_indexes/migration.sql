-- A package's page in score order (package=openssl&region=us-east-1, the explorer's default sort)
-- walks the score index and tests the package on each entry it passes. When the package's findings
-- all score lower than most (openssl at 7.5), the walk passed every higher-scored finding first:
-- 2.48M entries, 553 ms on a synced cache of 10M findings. Sorted by EPSS it read a heap row for each
-- (1 s at 2M). The first-package index now also holds the severity and the score in tenths, and a
-- second one the EPSS in thousandths, so the package's highest value (of each severity, for the
-- severity sort) is one descent, and the walk starts there (lib/queries/findings/package-sort-ceiling.ts).
-- Each value is clamped to its range (0-10, 0-1) before it is cut to a smallint (a value at the top or
-- out of range reads as the top, which the reader takes as "no ceiling"), NULL stays NULL (greatest()
-- alone would make it 0), and it is an integer because btree deduplication does not fold float8
-- keys: at 2M findings each index is the size the first one was (14 MB), the region after the value (a
-- region's count reads its package's entries of every region in the index, not their rows).
-- Not stated in schema.prisma (expression keys): lib/db/migrations.test.ts checks them.
-- A first load interrupted while its secondary indexes were dropped (deferred_indexes) would build
-- the old one again when it resumes: its definition goes too.
DROP INDEX IF EXISTS "findings_first_package_status_region_idx";
DELETE FROM "deferred_indexes" WHERE "name" = 'findings_first_package_status_region_idx';
CREATE INDEX "findings_first_package_status_severity_score_region_idx" ON "findings"((package_names[1]), "status", "severity", ((CASE WHEN inspector_score IS NOT NULL THEN floor(least(greatest(inspector_score, 0), 10) * 10) END)::smallint), "region");
CREATE INDEX "findings_first_package_status_epss_region_idx" ON "findings"((package_names[1]), "status", ((CASE WHEN epss_score IS NOT NULL THEN floor(least(greatest(epss_score, 0), 1) * 1000) END)::smallint), "region");
