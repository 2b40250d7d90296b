-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "accounts" (
    "id" VARCHAR(12) NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "org_status" TEXT,
    "ou_id" TEXT,
    "ou_name" TEXT,
    "owner" TEXT,
    "team" TEXT,
    "is_delegated_admin" BOOLEAN NOT NULL DEFAULT false,
    "joined_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_regions" (
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "relationship_status" TEXT,
    "inspector_status" TEXT,
    "ec2_status" TEXT,
    "ecr_status" TEXT,
    "lambda_status" TEXT,
    "lambda_code_status" TEXT,
    "sync_status" TEXT NOT NULL DEFAULT 'NEVER_SYNCED',
    "sync_error" TEXT,
    "last_synced_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3),

    CONSTRAINT "account_regions_pkey" PRIMARY KEY ("account_id","region")
);

-- CreateTable
CREATE TABLE "findings" (
    "arn" TEXT NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "severity" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "inspector_score" DOUBLE PRECISION,
    "cvss_score" DOUBLE PRECISION,
    "epss_score" DOUBLE PRECISION,
    "exploit_available" BOOLEAN NOT NULL DEFAULT false,
    "fix_available" TEXT,
    "vulnerability_id" TEXT,
    "packages" JSONB NOT NULL DEFAULT '[]',
    "package_names" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "resource_name" TEXT,
    "resource_tags" JSONB NOT NULL DEFAULT '{}',
    "ami_id" TEXT,
    "ecr_repository" TEXT,
    "ecr_image_hash" TEXT,
    "first_observed_at" TIMESTAMPTZ(3) NOT NULL,
    "last_observed_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "closed_at" TIMESTAMPTZ(3),
    "exploit_since" TIMESTAMPTZ(3),
    "gone_at" TIMESTAMPTZ(3),
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "raw" JSONB NOT NULL,

    CONSTRAINT "findings_pkey" PRIMARY KEY ("arn")
);

-- CreateTable
CREATE TABLE "finding_events" (
    "id" BIGSERIAL NOT NULL,
    "finding_arn" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "from_value" TEXT,
    "to_value" TEXT,
    "sync_run_id" INTEGER,

    CONSTRAINT "finding_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "covered_resources" (
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "scan_type" TEXT NOT NULL,
    "scan_status_code" TEXT NOT NULL,
    "scan_status_reason" TEXT,
    "scan_mode" TEXT,
    "last_scanned_at" TIMESTAMPTZ(3),
    "inactive_since" TIMESTAMPTZ(3),
    "resource_name" TEXT,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "covered_resources_pkey" PRIMARY KEY ("region","resource_id","scan_type")
);

-- CreateTable
CREATE TABLE "sync_runs" (
    "id" SERIAL NOT NULL,
    "trigger" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "outcome" TEXT NOT NULL DEFAULT 'RUNNING',
    "mode" TEXT NOT NULL DEFAULT 'INCREMENTAL',
    "findings_upserted" INTEGER NOT NULL DEFAULT 0,
    "coverage_upserted" INTEGER NOT NULL DEFAULT 0,
    "api_requests" INTEGER NOT NULL DEFAULT 0,
    "throttled" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "notes" JSONB NOT NULL DEFAULT '[]',
    "progress" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "sync_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sync_region_results" (
    "run_id" INTEGER NOT NULL,
    "region" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "findings_seen" INTEGER NOT NULL DEFAULT 0,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "coverage_seen" INTEGER NOT NULL DEFAULT 0,
    "watermark_from" TIMESTAMPTZ(3),
    "watermark_to" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "checks" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "sync_region_results_pkey" PRIMARY KEY ("run_id","region")
);

-- CreateTable
CREATE TABLE "sync_account_results" (
    "run_id" INTEGER NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "findings" INTEGER NOT NULL DEFAULT 0,
    "integrity_match" BOOLEAN,
    "cache_counts" JSONB,
    "api_counts" JSONB,

    CONSTRAINT "sync_account_results_pkey" PRIMARY KEY ("run_id","account_id","region")
);

-- CreateTable
CREATE TABLE "sync_watermarks" (
    "region" TEXT NOT NULL,
    "findings_since" TIMESTAMPTZ(3) NOT NULL,
    "last_full_sync_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sync_watermarks_pkey" PRIMARY KEY ("region")
);

-- CreateTable
CREATE TABLE "daily_snapshots" (
    "day" DATE NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "severity" TEXT NOT NULL,
    "open" INTEGER NOT NULL DEFAULT 0,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "suppressed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "daily_snapshots_pkey" PRIMARY KEY ("day","account_id","severity")
);

-- CreateTable
CREATE TABLE "coverage_snapshots" (
    "day" DATE NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "scan_type" TEXT NOT NULL,
    "active" INTEGER NOT NULL DEFAULT 0,
    "inactive" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "coverage_snapshots_pkey" PRIMARY KEY ("day","account_id","scan_type")
);

-- CreateTable
CREATE TABLE "risk_exceptions" (
    "id" SERIAL NOT NULL,
    "finding_arn" TEXT,
    "vulnerability_id" TEXT,
    "resource_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "reason" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "risk_exceptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "reviews" (
    "id" SERIAL NOT NULL,
    "meeting_date" DATE NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" JSONB NOT NULL,

    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "accounts_ou_name_idx" ON "accounts"("ou_name");

-- CreateIndex
CREATE INDEX "accounts_owner_idx" ON "accounts"("owner");

-- CreateIndex
CREATE INDEX "account_regions_inspector_status_idx" ON "account_regions"("inspector_status");

-- CreateIndex
CREATE INDEX "findings_account_id_status_severity_idx" ON "findings"("account_id", "status", "severity");

-- CreateIndex
CREATE INDEX "findings_status_inspector_score_arn_idx" ON "findings"("status", "inspector_score" DESC, "arn");

-- CreateIndex
CREATE INDEX "findings_first_observed_at_idx" ON "findings"("first_observed_at");

-- CreateIndex
CREATE INDEX "findings_vulnerability_id_idx" ON "findings"("vulnerability_id");

-- CreateIndex
CREATE INDEX "findings_resource_id_idx" ON "findings"("resource_id");

-- CreateIndex
CREATE INDEX "findings_package_names_idx" ON "findings" USING GIN ("package_names");

-- CreateIndex
CREATE INDEX "findings_region_status_severity_idx" ON "findings"("region", "status", "severity");

-- CreateIndex
CREATE INDEX "findings_closed_at_idx" ON "findings"("closed_at");

-- CreateIndex
CREATE INDEX "finding_events_finding_arn_at_idx" ON "finding_events"("finding_arn", "at");

-- CreateIndex
CREATE INDEX "finding_events_at_kind_idx" ON "finding_events"("at", "kind");

-- CreateIndex
CREATE INDEX "covered_resources_account_id_resource_type_scan_status_code_idx" ON "covered_resources"("account_id", "resource_type", "scan_status_code");

-- CreateIndex
CREATE INDEX "covered_resources_scan_status_code_scan_status_reason_idx" ON "covered_resources"("scan_status_code", "scan_status_reason");

-- CreateIndex
CREATE INDEX "sync_runs_started_at_idx" ON "sync_runs"("started_at" DESC);

-- CreateIndex
CREATE INDEX "sync_account_results_account_id_run_id_idx" ON "sync_account_results"("account_id", "run_id");

-- CreateIndex
CREATE INDEX "daily_snapshots_account_id_day_idx" ON "daily_snapshots"("account_id", "day");

-- CreateIndex
CREATE INDEX "risk_exceptions_vulnerability_id_idx" ON "risk_exceptions"("vulnerability_id");

-- CreateIndex
CREATE INDEX "risk_exceptions_finding_arn_idx" ON "risk_exceptions"("finding_arn");

-- CreateIndex
CREATE INDEX "risk_exceptions_expires_at_idx" ON "risk_exceptions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "reviews_meeting_date_key" ON "reviews"("meeting_date");

-- AddForeignKey
ALTER TABLE "account_regions" ADD CONSTRAINT "account_regions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_region_results" ADD CONSTRAINT "sync_region_results_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "sync_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_account_results" ADD CONSTRAINT "sync_account_results_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "sync_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
