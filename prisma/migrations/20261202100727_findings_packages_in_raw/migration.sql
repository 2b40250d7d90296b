-- The packages column repeated packageVulnerabilityDetails.vulnerablePackages, which the finding
-- own raw part keeps (144 B per finding at 1M). The finding page and the CSV export read the raw part.
-- AlterTable
ALTER TABLE "findings" DROP COLUMN "packages";
