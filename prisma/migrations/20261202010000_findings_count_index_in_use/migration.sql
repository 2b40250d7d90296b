-- The explorer's capped counts (and the sync's per-account integrity counts) read this index for
-- status, account, severity, region, resource type, exploit and fix. The "In use only" default also
-- tests in_use_count (an ECR image known to run nowhere is left out), which was not in it: every
-- entry counted meant a read of its heap row (exploit=YES&fix=YES at 1M findings: 17,000 heap pages to
-- find the first 10,001). With in_use_count as its last column the count is an index-only read.
-- Same name: PostgreSQL's 63-character limit cuts both column lists to it.
DROP INDEX "findings_status_account_id_severity_region_resource_type_ex_idx";

-- CreateIndex
CREATE INDEX "findings_status_account_id_severity_region_resource_type_ex_idx" ON "findings"("status", "account_id", "severity", "region", "resource_type", "exploit_available", "fix_available", "in_use_count");
