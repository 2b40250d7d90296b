-- The raw JSON of a finding in pieces (lib/domain/raw-finding-parts.ts): findings.raw keeps the members
-- of the finding itself, and the text every finding of one vulnerability repeats (title, description,
-- remediation, score details) and the resources member (the same for every finding on one image or
-- instance) are stored once each, keyed by the md5 of their text. At 10M findings the whole JSON was
-- ~1.4 KB of TOAST per finding, lz4-compressed (docs/indexes.md).
-- Adding nullable columns without a default changes the catalog only: no rewrite of findings. Rows
-- written before this keep their whole JSON (parts NULL) until the sync next writes them, or until
-- `npm run db:compact-raw` splits them in batches.
-- AlterTable
ALTER TABLE "findings" ADD COLUMN     "raw_resources_part" UUID,
ADD COLUMN     "raw_vulnerability_part" UUID;

-- CreateTable
CREATE TABLE "finding_raw_parts" (
    "id" UUID NOT NULL,
    "doc" TEXT NOT NULL,

    CONSTRAINT "finding_raw_parts_pkey" PRIMARY KEY ("id")
);
