-- A package's page in score order (package=openssl&region=us-east-1, the explorer's default sort)
-- walks the score index and tests the package on each entry it passes. When the package's findings
-- all score lower than most (openssl at 7.5), the walk passed every higher-scored finding first:
-- 2.48M entries, 553 ms on a synced cache of 10M findings. The first-package index now also holds
-- the score in tenths, so the package's highest score is one descent of it and the walk starts there
-- (lib/queries/findings/package-score-ceiling.ts). The score is clamped to 0-10 before it is cut
-- to a smallint (a score out of that range reads as 10, which the reader takes as "no ceiling"),
-- an unscored finding's is NULL (greatest() alone would make it 0),
-- and kept as an integer because btree deduplication does not fold float8 keys: at 2M findings the
-- index is the size it was (14 MB), the region now after the score (a region's count reads its
-- package's entries of every region in the index, not their rows).
-- Not stated in schema.prisma (an expression key): lib/db/migrations.test.ts checks it.
-- A first load interrupted while its secondary indexes were dropped (deferred_indexes) would build
-- the old one again when it resumes: its definition goes too.
DROP INDEX IF EXISTS "findings_first_package_status_region_idx";
DELETE FROM "deferred_indexes" WHERE "name" = 'findings_first_package_status_region_idx';
CREATE INDEX "findings_first_package_status_score_region_idx" ON "findings"((package_names[1]), "status", ((CASE WHEN inspector_score IS NOT NULL THEN floor(least(greatest(inspector_score, 0), 10) * 10) END)::smallint), "region");
