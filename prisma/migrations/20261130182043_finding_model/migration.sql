-- The finding model: a key for every finding type, related vulnerabilities, every resource in a
-- child table, exploit as Inspector says it (YES / NO / NULL = not applicable) with its source.
-- Existing rows are filled from the columns and from each finding's raw JSON, parsed once.

-- DropIndex
DROP INDEX "findings_vulnerability_id_status_inspector_score_arn_idx";

-- AlterTable
ALTER TABLE "findings" ADD COLUMN     "exploit_since_source" TEXT,
ADD COLUMN     "finding_key" TEXT,
ADD COLUMN     "related_vulnerabilities" TEXT[] DEFAULT ARRAY[]::TEXT[],
ALTER COLUMN "exploit_available" DROP NOT NULL,
ALTER COLUMN "exploit_available" DROP DEFAULT,
-- false meant both NO and "Inspector sent nothing": the raw JSON tells which.
ALTER COLUMN "exploit_available" SET DATA TYPE TEXT USING (
  CASE WHEN "exploit_available" THEN 'YES' WHEN ("raw"::jsonb ->> 'exploitAvailable') = 'NO' THEN 'NO' END);

UPDATE "findings" f SET
  "finding_key" = CASE
    WHEN f."vulnerability_id" IS NOT NULL THEN f."vulnerability_id"
    WHEN j.code IS NOT NULL AND coalesce(j.code ->> 'detectorId', j.code ->> 'ruleId') IS NOT NULL THEN
      'code:' || coalesce(j.code ->> 'detectorId', j.code ->> 'ruleId') || ':' ||
      coalesce((SELECT string_agg(c, '+' ORDER BY c) FROM jsonb_array_elements_text(coalesce(j.code -> 'cwes', '[]')) c), '')
    WHEN j.net IS NOT NULL THEN
      'network:' || coalesce(j.net ->> 'protocol', '') || ':' || coalesce(j.net #>> '{openPortRange,begin}', '') || '-' || coalesce(j.net #>> '{openPortRange,end}', '')
    ELSE f."type" || ':' || f."title" END,
  "related_vulnerabilities" = coalesce(ARRAY(SELECT jsonb_array_elements_text(j.related)), ARRAY[]::TEXT[]),
  "exploit_since" = CASE WHEN f."exploit_available" = 'YES' THEN coalesce(j.last_known, f."exploit_since", f."updated_at") END,
  "exploit_since_source" = CASE WHEN f."exploit_available" = 'YES' THEN CASE WHEN j.last_known IS NOT NULL THEN 'LAST_KNOWN_EXPLOIT' ELSE 'CACHE_FIRST_SAW' END END
FROM (
  SELECT g."arn", r -> 'codeVulnerabilityDetails' AS code, r -> 'networkReachabilityDetails' AS net,
    CASE jsonb_typeof(r #> '{packageVulnerabilityDetails,relatedVulnerabilities}') WHEN 'array' THEN r #> '{packageVulnerabilityDetails,relatedVulnerabilities}' END AS related,
    CASE jsonb_typeof(r #> '{exploitabilityDetails,lastKnownExploitAt}')
      WHEN 'number' THEN to_timestamp((r #>> '{exploitabilityDetails,lastKnownExploitAt}')::float8)
      WHEN 'string' THEN (r #>> '{exploitabilityDetails,lastKnownExploitAt}')::timestamptz END AS last_known
  FROM "findings" g CROSS JOIN LATERAL (SELECT g."raw"::jsonb AS r) p
) j
WHERE j."arn" = f."arn";

ALTER TABLE "findings" ALTER COLUMN "finding_key" SET NOT NULL;

-- AlterTable
ALTER TABLE "risk_exceptions" ADD COLUMN     "aliases" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "finding_resources" (
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

    CONSTRAINT "finding_resources_pkey" PRIMARY KEY ("finding_arn","position")
);

-- The primary resource from the columns, the others from the raw JSON.
INSERT INTO "finding_resources" ("finding_arn", "position", "type", "resource_id", "name", "region", "tags", "ami_id", "ecr_repository", "ecr_image_hash")
SELECT "arn", 0, "resource_type", "resource_id", "resource_name", "region", "resource_tags", "ami_id", "ecr_repository", "ecr_image_hash"
FROM "findings";

INSERT INTO "finding_resources" ("finding_arn", "position", "type", "resource_id", "name", "region", "tags", "ami_id", "ecr_repository", "ecr_image_hash")
SELECT f."arn", (x.ord - 1)::int, coalesce(x.r ->> 'type', 'UNKNOWN'), coalesce(x.r ->> 'id', 'unknown'),
  coalesce(x.r #>> '{details,awsLambdaFunction,functionName}', x.r #>> '{details,awsEcrContainerImage,repositoryName}', x.r ->> 'id'),
  coalesce(x.r ->> 'region', f."region"),
  CASE jsonb_typeof(x.r -> 'tags') WHEN 'object' THEN x.r -> 'tags' ELSE '{}'::jsonb END,
  x.r #>> '{details,awsEc2Instance,imageId}', x.r #>> '{details,awsEcrContainerImage,repositoryName}',
  x.r #>> '{details,awsEcrContainerImage,imageHash}'
FROM "findings" f
CROSS JOIN LATERAL jsonb_array_elements(CASE jsonb_typeof(f."raw"::jsonb -> 'resources') WHEN 'array' THEN f."raw"::jsonb -> 'resources' ELSE '[]'::jsonb END) WITH ORDINALITY AS x(r, ord)
WHERE x.ord > 1;

-- CreateIndex
CREATE INDEX "finding_resources_resource_id_idx" ON "finding_resources"("resource_id");

-- CreateIndex
CREATE INDEX "findings_finding_key_status_inspector_score_arn_idx" ON "findings"("finding_key", "status", "inspector_score" DESC, "arn");

-- CreateIndex
CREATE INDEX "findings_related_vulnerabilities_idx" ON "findings" USING GIN ("related_vulnerabilities");

-- AddForeignKey
ALTER TABLE "finding_resources" ADD CONSTRAINT "finding_resources_finding_arn_fkey" FOREIGN KEY ("finding_arn") REFERENCES "findings"("arn") ON DELETE CASCADE ON UPDATE CASCADE;

-- Exception ids keep their case from now on. Existing ones were upper-cased, so a GHSA id typed
-- then is restored to the spelling the cache knows, and aliases are filled from the cache.
UPDATE "risk_exceptions" e SET "vulnerability_id" = k."finding_key"
FROM (SELECT DISTINCT ON (upper("finding_key")) "finding_key" FROM "findings" ORDER BY upper("finding_key"), "finding_key") k
WHERE e."vulnerability_id" IS NOT NULL AND upper(k."finding_key") = e."vulnerability_id" AND k."finding_key" <> e."vulnerability_id";

UPDATE "risk_exceptions" e SET "aliases" = coalesce(ARRAY(
  SELECT DISTINCT a FROM (
    SELECT unnest(f."related_vulnerabilities") AS a FROM "findings" f WHERE f."finding_key" = e."vulnerability_id"
    UNION SELECT f."finding_key" FROM "findings" f WHERE e."vulnerability_id" = ANY(f."related_vulnerabilities")
  ) s WHERE a <> e."vulnerability_id" ORDER BY a), ARRAY[]::TEXT[])
WHERE e."vulnerability_id" IS NOT NULL;
