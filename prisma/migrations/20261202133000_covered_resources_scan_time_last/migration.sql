-- The scan time and synced_at last in each covered_resources row. A daily re-listing moves the scan
-- time of most resources, and PostgreSQL logs an in-place update as the bytes between the unchanged
-- start and the unchanged end of the row: with both columns last that is 16 bytes, not the name and
-- metadata between the scan time and the row end (9.0 of 26.6 MB of a 200k re-listing WAL before).
-- The table is rebuilt in the new column order, same rows, keys, indexes and fillfactor: its rows
-- held in a temporary table meanwhile, so that the new table and its constraints take the old names.
CREATE TEMP TABLE "covered_resources_copy" AS
SELECT "account_id", "region", "resource_type", "resource_id", "scan_type", "scan_status_code",
    "scan_status_reason", "scan_mode", "inactive_since", "resource_name", "metadata", "last_scanned_at", "synced_at"
FROM "covered_resources";

DROP TABLE "covered_resources";

CREATE TABLE "covered_resources" (
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "scan_type" TEXT NOT NULL,
    "scan_status_code" TEXT NOT NULL,
    "scan_status_reason" TEXT,
    "scan_mode" TEXT,
    "inactive_since" TIMESTAMPTZ(3),
    "resource_name" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "last_scanned_at" TIMESTAMPTZ(3),
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
) WITH (fillfactor = 50);

INSERT INTO "covered_resources" ("account_id", "region", "resource_type", "resource_id", "scan_type", "scan_status_code",
    "scan_status_reason", "scan_mode", "inactive_since", "resource_name", "metadata", "last_scanned_at", "synced_at")
SELECT "account_id", "region", "resource_type", "resource_id", "scan_type", "scan_status_code",
    "scan_status_reason", "scan_mode", "inactive_since", "resource_name", "metadata", "last_scanned_at", "synced_at"
FROM "covered_resources_copy";

DROP TABLE "covered_resources_copy";
ALTER TABLE "covered_resources" ADD CONSTRAINT "covered_resources_pkey" PRIMARY KEY ("region", "resource_id", "scan_type");
CREATE INDEX "covered_resources_account_id_resource_type_scan_status_code_idx" ON "covered_resources"("account_id", "resource_type", "scan_status_code");
CREATE INDEX "covered_resources_scan_status_code_scan_status_reason_idx" ON "covered_resources"("scan_status_code", "scan_status_reason");
