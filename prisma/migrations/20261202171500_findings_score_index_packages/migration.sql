-- The explorer page of a package in a region (package=openssl&region=us-east-1) walks the score
-- index for its keys and tested the package list on each entry passed, a heap row each: at 10M
-- findings 178,917 entries and ~110,000 heap pages for a first page, 1.3 s warm and 44 s cold.
-- The score index now carries the package list as an INCLUDE column, so that walk reads the index
-- alone. Its ARN (~85 bytes an entry) goes: the page walk returns ids, and its rows are read back
-- by the new unique index on id (about a quarter of the bytes the ARN took).
-- schema.prisma states the key only: Prisma cannot state INCLUDE (prisma/orm#8584), and the catalog
-- fingerprint compares key columns (lib/db/catalog-fingerprint.ts).
-- CreateIndex
CREATE UNIQUE INDEX "findings_id_key" ON "findings"("id");

DROP INDEX "findings_status_inspector_score_id_idx";

-- CreateIndex
CREATE INDEX "findings_status_inspector_score_id_idx" ON "findings"("status", "inspector_score" DESC, "id") INCLUDE ("region", "resource_type", "exploit_available", "fix_available", "in_use_count", "first_observed_at", "package_names");
