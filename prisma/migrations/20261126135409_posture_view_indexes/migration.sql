-- DropIndex
DROP INDEX "findings_vulnerability_id_idx";

-- CreateIndex
CREATE INDEX "findings_vulnerability_id_status_inspector_score_arn_idx" ON "findings"("vulnerability_id", "status", "inspector_score" DESC, "arn");

-- CreateIndex
CREATE INDEX "findings_status_severity_inspector_score_arn_idx" ON "findings"("status", "severity", "inspector_score" DESC, "arn");

-- CreateIndex
CREATE INDEX "findings_status_account_id_severity_region_resource_type_ex_idx" ON "findings"("status", "account_id", "severity", "region", "resource_type", "exploit_available", "fix_available");

-- CreateIndex
CREATE INDEX "findings_resource_tags_idx" ON "findings" USING GIN ("resource_tags");
