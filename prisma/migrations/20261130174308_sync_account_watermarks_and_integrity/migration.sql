-- AlterTable
ALTER TABLE "account_regions" ADD COLUMN     "findings_since" TIMESTAMPTZ(3),
ADD COLUMN     "last_full_listing_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "sync_account_results" ADD COLUMN     "integrity_repaired" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "integrity_residual" INTEGER;

-- Data: each account starts from its region's watermark, so an upgraded cache stays incremental.
UPDATE "account_regions" r SET "findings_since" = w."findings_since", "last_full_listing_at" = w."last_full_sync_at"
FROM "sync_watermarks" w WHERE w."region" = r."region";

-- Data: an existing residual is what the stored comparison says (the four ACTIVE counts).
UPDATE "sync_account_results" SET "integrity_residual" =
  abs(COALESCE(("cache_counts"->>'critical')::int, 0) - COALESCE(("api_counts"->>'critical')::int, 0))
  + abs(COALESCE(("cache_counts"->>'high')::int, 0) - COALESCE(("api_counts"->>'high')::int, 0))
  + abs(COALESCE(("cache_counts"->>'medium')::int, 0) - COALESCE(("api_counts"->>'medium')::int, 0))
  + abs((COALESCE(("cache_counts"->>'all')::int, 0) - COALESCE(("cache_counts"->>'critical')::int, 0) - COALESCE(("cache_counts"->>'high')::int, 0) - COALESCE(("cache_counts"->>'medium')::int, 0))
      - (COALESCE(("api_counts"->>'all')::int, 0) - COALESCE(("api_counts"->>'critical')::int, 0) - COALESCE(("api_counts"->>'high')::int, 0) - COALESCE(("api_counts"->>'medium')::int, 0)))
WHERE "integrity_match" IS NOT NULL;
