-- DropIndex
DROP INDEX "findings_account_id_status_severity_idx";
