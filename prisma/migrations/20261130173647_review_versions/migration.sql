-- DropIndex
DROP INDEX "reviews_meeting_date_key";

-- AlterTable
ALTER TABLE "reviews" ADD COLUMN     "author_id" TEXT,
ADD COLUMN     "author_kind" TEXT,
ADD COLUMN     "author_name" TEXT,
ADD COLUMN     "content_hash" TEXT,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE UNIQUE INDEX "reviews_meeting_date_version_key" ON "reviews"("meeting_date", "version");
