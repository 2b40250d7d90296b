-- AlterTable
ALTER TABLE "findings" ALTER COLUMN "raw" SET DATA TYPE TEXT;
