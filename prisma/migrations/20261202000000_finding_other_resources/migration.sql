-- A finding's first resource lives in its own resource_* columns. finding_resources also held it (position
-- 0) for every finding: ~430 bytes per finding with its two indexes, nearly all of that table, since
-- Inspector sends one resource for almost every finding. Now the table holds only resources 2…n
-- (finding_other_resources), and finding_resources is a view of both, position 0 read from findings, so
-- every reader still sees every resource of a finding in one place.

-- CreateTable
CREATE TABLE "finding_other_resources" (
    "finding_arn" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "resource_id" TEXT NOT NULL,
    "name" TEXT,
    "region" TEXT,
    "tags" JSONB NOT NULL DEFAULT '{}',
    "ami_id" TEXT,
    "ecr_repository" TEXT,
    "ecr_image_hash" TEXT,

    CONSTRAINT "finding_other_resources_pkey" PRIMARY KEY ("finding_arn","position")
);

INSERT INTO "finding_other_resources" ("finding_arn", "position", "type", "resource_id", "name", "region", "tags", "ami_id", "ecr_repository", "ecr_image_hash")
SELECT "finding_arn", "position", "type", "resource_id", "name", "region", "tags", "ami_id", "ecr_repository", "ecr_image_hash"
FROM "finding_resources" WHERE "position" > 0;

DROP TABLE "finding_resources";

-- CreateIndex
CREATE INDEX "finding_other_resources_resource_id_idx" ON "finding_other_resources"("resource_id");

-- AddForeignKey
ALTER TABLE "finding_other_resources" ADD CONSTRAINT "finding_other_resources_finding_arn_fkey" FOREIGN KEY ("finding_arn") REFERENCES "findings"("arn") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every resource of every finding, in Inspector's order (position 0 = the finding's primary resource,
-- in the region of its finding, as the sync wrote it before). A UNION ALL of plain selects: the planner
-- pushes a reader's resource_id or finding_arn condition into both sides, onto their own indexes.
CREATE VIEW "finding_resources" AS
  SELECT f."arn" AS "finding_arn", 0 AS "position", f."resource_type" AS "type", f."resource_id", f."resource_name" AS "name",
    f."region", f."resource_tags" AS "tags", f."ami_id", f."ecr_repository", f."ecr_image_hash"
  FROM "findings" f
  UNION ALL
  SELECT "finding_arn", "position", "type", "resource_id", "name", "region", "tags", "ami_id", "ecr_repository", "ecr_image_hash"
  FROM "finding_other_resources";
