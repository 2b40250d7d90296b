-- AlterTable
ALTER TABLE "accounts" ADD COLUMN     "lifecycle" TEXT NOT NULL DEFAULT 'ACTIVE',
ADD COLUMN     "lifecycle_since" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "findings" ADD COLUMN     "gone_from_status" TEXT,
ADD COLUMN     "gone_reason" TEXT;

-- A finding AWS no longer reports is GONE, whatever Inspector last said of it (kept in gone_from_status):
-- the previous version set only gone_at and kept counting such rows as open.
UPDATE "findings" SET "gone_from_status" = "status", "status" = 'GONE', "gone_reason" = COALESCE("gone_reason", 'RETENTION')
WHERE "gone_at" IS NOT NULL AND "status" <> 'GONE';
