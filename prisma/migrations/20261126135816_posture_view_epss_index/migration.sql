-- CreateIndex
CREATE INDEX "findings_status_epss_score_arn_idx" ON "findings"("status", "epss_score" DESC, "arn");
