-- The four sort indexes of the explorer ended in the ARN, the tie-breaker of keyset paging: ~85
-- bytes in each entry of each of them. They now end in id, a bigint set from a sequence at insert and
-- never changed (~75 B per finding per index less). The score index carries the ARN as an INCLUDE
-- column, because the page key walk reads it index-only and joins the page rows by it.
-- Adding the column rewrites the table once, so the old indexes go first and are not rebuilt by it.
-- DropIndex
DROP INDEX "findings_status_inspector_score_arn_idx";

-- DropIndex
DROP INDEX "findings_finding_key_status_inspector_score_arn_idx";

-- DropIndex
DROP INDEX "findings_status_epss_score_arn_idx";

-- DropIndex
DROP INDEX "findings_status_severity_inspector_score_arn_idx";

-- AlterTable
ALTER TABLE "findings" ADD COLUMN     "id" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "findings_status_inspector_score_id_idx" ON "findings"("status", "inspector_score" DESC, "id") INCLUDE ("arn", "region", "resource_type", "exploit_available", "fix_available", "in_use_count", "first_observed_at");

-- CreateIndex
CREATE INDEX "findings_finding_key_status_inspector_score_id_idx" ON "findings"("finding_key", "status", "inspector_score" DESC, "id");

-- CreateIndex
CREATE INDEX "findings_status_epss_score_id_idx" ON "findings"("status", "epss_score" DESC, "id");

-- CreateIndex
CREATE INDEX "findings_status_severity_inspector_score_id_idx" ON "findings"("status", "severity", "inspector_score" DESC, "id");
