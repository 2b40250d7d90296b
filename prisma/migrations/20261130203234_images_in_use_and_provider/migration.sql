-- AlterTable
ALTER TABLE "findings" ADD COLUMN     "image_pulled_at" TIMESTAMPTZ(3),
ADD COLUMN     "in_use_count" INTEGER,
ADD COLUMN     "last_in_use_at" TIMESTAMPTZ(3),
ADD COLUMN     "provider" TEXT NOT NULL DEFAULT 'AWS',
ADD COLUMN     "provider_account_id" TEXT;

-- CreateTable
CREATE TABLE "ecr_rescan_configs" (
    "region" TEXT NOT NULL,
    "rescan_duration" TEXT,
    "pull_date_rescan_duration" TEXT,
    "pull_date_rescan_mode" TEXT,
    "status" TEXT,
    "updated_at" TIMESTAMPTZ(3),
    "error" TEXT,
    "synced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ecr_rescan_configs_pkey" PRIMARY KEY ("region")
);

-- CreateIndex
CREATE INDEX "findings_in_use_count_idx" ON "findings"("in_use_count");

-- Data: findings already cached keep what their raw JSON says (timestamps are epoch seconds as the
-- API sent them, or ISO text when serialised by the cache). Pull dates come from coverage at the next sync.
UPDATE "findings" f SET
  "in_use_count" = CASE WHEN jsonb_typeof(d->'inUseCount') = 'number' THEN (d->>'inUseCount')::int END,
  "last_in_use_at" = CASE jsonb_typeof(d->'lastInUseAt') WHEN 'number' THEN to_timestamp((d->>'lastInUseAt')::float8)
                                                        WHEN 'string' THEN (d->>'lastInUseAt')::timestamptz END
FROM (SELECT arn, raw::jsonb #> '{resources,0,details,awsEcrContainerImage}' AS d FROM "findings"
      WHERE "resource_type" = 'AWS_ECR_CONTAINER_IMAGE') x
WHERE x.arn = f.arn AND x.d IS NOT NULL;

UPDATE "findings" f SET "provider" = x.p, "provider_account_id" = x.pa
FROM (SELECT arn, raw::jsonb #>> '{resources,0,provider}' AS p, raw::jsonb #>> '{resources,0,providerAccountId}' AS pa FROM "findings"
      WHERE "resource_type" NOT LIKE 'AWS\_%') x
WHERE x.arn = f.arn AND x.p IS NOT NULL;
