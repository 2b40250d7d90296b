-- The explorer's alert=<rule>:<run> filter (a finding digest's link, lib/alerts/rules/finding-rows.ts)
-- reads one digest's subjects: by the primary key (rule_id, subject, transition) that was every row the
-- rule ever alerted, tested for the run.
-- CreateIndex
CREATE INDEX "alert_sent_rule_id_run_id_idx" ON "alert_sent"("rule_id", "run_id");
