-- A package's open findings by age (package=openssl&ageMin=N, the explorer's default status and
-- "In use only"): the capped count read them through the (first package, status, region) index,
-- whose matches are then tested for age and use on their heap rows, or through a BitmapAnd with the
-- index of every finding by first_observed_at (292,665 entries for ageMin=200 at 1M findings). Under 50
-- viewers asking different ages of one package at 1M findings that was a p99 of 4.8 s. This index
-- holds only the rows those counts read (open, and not an image that no container runs), keyed by
-- age within the package, so a count reads its 10,001 entries and their rows and stops.
-- PostgreSQL does not read an expression index index-only (its planner asks for the package_names
-- column itself), so the rows are still read: 16 ms warm for a capped count at 1M against 34 to 126.
-- 22 bytes a finding at 1M (62 % of the bench findings are open).
-- Not stated in schema.prisma (an expression key, a partial index): lib/db/migrations.test.ts checks it.
CREATE INDEX "findings_open_first_package_age_idx" ON "findings"((package_names[1]), "first_observed_at")
  WHERE status = 'ACTIVE' AND (resource_type <> 'AWS_ECR_CONTAINER_IMAGE' OR in_use_count IS DISTINCT FROM 0);
