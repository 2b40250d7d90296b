-- AlterTable
ALTER TABLE "account_regions" ADD COLUMN     "code_repository_status" TEXT;

-- CreateTable
CREATE TABLE "region_configs" (
    "region" TEXT NOT NULL,
    "auto_enable_ec2" BOOLEAN,
    "auto_enable_ecr" BOOLEAN,
    "auto_enable_lambda" BOOLEAN,
    "auto_enable_lambda_code" BOOLEAN,
    "auto_enable_code_repository" BOOLEAN,
    "max_account_limit_reached" BOOLEAN,
    "error" TEXT,
    "read_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "region_configs_pkey" PRIMARY KEY ("region")
);

-- CreateTable
CREATE TABLE "usage_totals" (
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "usage_type" TEXT NOT NULL,
    "total" DOUBLE PRECISION,
    "estimated_monthly_cost" DOUBLE PRECISION,
    "currency" TEXT,
    "read_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "usage_totals_pkey" PRIMARY KEY ("account_id","region","usage_type")
);

-- CreateTable
CREATE TABLE "cis_scans" (
    "scan_arn" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "scan_configuration_arn" TEXT,
    "scan_name" TEXT,
    "status" TEXT,
    "scan_date" TIMESTAMPTZ(3),
    "failed_checks" INTEGER,
    "total_checks" INTEGER,
    "security_level" TEXT,
    "account_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "read_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "cis_scans_pkey" PRIMARY KEY ("scan_arn")
);

-- CreateTable
CREATE TABLE "cis_check_results" (
    "scan_arn" TEXT NOT NULL,
    "check_id" TEXT NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "title" TEXT,
    "level" TEXT,
    "platform" TEXT,
    "failed" INTEGER,
    "passed" INTEGER,
    "skipped" INTEGER,

    CONSTRAINT "cis_check_results_pkey" PRIMARY KEY ("scan_arn","check_id","account_id")
);

-- CreateTable
CREATE TABLE "code_security_integrations" (
    "arn" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "name" TEXT,
    "type" TEXT,
    "status" TEXT,
    "status_reason" TEXT,
    "created_on" TIMESTAMPTZ(3),
    "last_update_on" TIMESTAMPTZ(3),
    "read_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "code_security_integrations_pkey" PRIMARY KEY ("arn")
);

-- CreateTable
CREATE TABLE "code_scan_configurations" (
    "arn" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "name" TEXT,
    "owner_account_id" TEXT,
    "periodic_scan_frequency" TEXT,
    "frequency_expression" TEXT,
    "continuous_events" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "rule_set_categories" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "project_ids" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "read_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "code_scan_configurations_pkey" PRIMARY KEY ("arn")
);

-- CreateIndex
CREATE INDEX "cis_scans_scan_date_idx" ON "cis_scans"("scan_date");

-- CreateIndex
CREATE INDEX "cis_check_results_account_id_idx" ON "cis_check_results"("account_id");

-- AddForeignKey
ALTER TABLE "cis_check_results" ADD CONSTRAINT "cis_check_results_scan_arn_fkey" FOREIGN KEY ("scan_arn") REFERENCES "cis_scans"("scan_arn") ON DELETE CASCADE ON UPDATE CASCADE;
