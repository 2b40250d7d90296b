-- Viewers asking for a severity by age (severity=HIGH&ageMin=37) each ask their own question, so
-- no memo answers them: the capped count read the table itself, 53,000 rows for 10,001 matches at
-- 1M findings (92 ms), and the page walk a heap row per entry passed. The severity index now also
-- carries first_observed_at, so both read the index alone. Same name and key as before.
-- schema.prisma states the key only: Prisma cannot state INCLUDE (prisma/orm#8584), and the catalog
-- fingerprint compares key columns (lib/db/catalog-fingerprint.ts).
DROP INDEX "findings_status_severity_inspector_score_id_idx";

-- CreateIndex
CREATE INDEX "findings_status_severity_inspector_score_id_idx" ON "findings"("status", "severity", "inspector_score" DESC, "id") INCLUDE ("finding_key", "account_id", "exploit_available", "resource_type", "in_use_count", "first_observed_at");
