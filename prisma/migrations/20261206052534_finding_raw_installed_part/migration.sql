-- The installed packages of a finding (packageVulnerabilityDetails.vulnerablePackages) leave its own
-- part of the raw JSON for a shared part in finding_raw_parts (lib/domain/raw-finding-parts.ts): the same
-- vulnerability on machines of one build lists the same packages, versions and paths. ~275 B of the
-- own part's ~395 B in a synced cache (docs/benchmarks.md, thirty-second pass).
-- A nullable column without a default changes the catalog only: no rewrite of findings. Rows written
-- before keep their packages in their own part until the sync next writes them, or until
-- `npm run db:compact-raw` moves them.
-- AlterTable
ALTER TABLE "findings" ADD COLUMN     "raw_installed_part" UUID;
