-- The explorer's default order (open findings by Inspector score) walks this index and tests each
-- entry against the filter. Until now every entry walked meant a read of its heap row, even when the
-- filter named only small modelled columns: exploit=YES&fix=YES at 10M findings passed 167,653 rows
-- before the first 50 matches, ~1 s warm and 84 s with a cold cache (168,000 heap pages read).
-- The same key now carries the columns such filters test (region, resource type, exploit,
-- fix, in-use count for the "In use only" default, first seen for ages) as non-key INCLUDE columns,
-- so the page's key step (findings-search.ts) is an index-only walk. Same name as before.
-- Not severity: the score follows the severity, so a severity's findings sit in one stretch of this
-- order (all the criticals' entries come before the first high) and a walk here would pass them
-- all. With severity in the list the planner chose that walk anyway (severity=MEDIUM: 2.3M entries,
-- 1.6 s at 10M). Severity filters keep the (status, severity, score) index.
-- schema.prisma states the key only: Prisma cannot state INCLUDE (prisma/orm#8584), and the catalog
-- fingerprint compares key columns (lib/db/catalog-fingerprint.ts).
DROP INDEX "findings_status_inspector_score_arn_idx";

-- CreateIndex
CREATE INDEX "findings_status_inspector_score_arn_idx" ON "findings"("status", "inspector_score" DESC, "arn") INCLUDE ("region", "resource_type", "exploit_available", "fix_available", "in_use_count", "first_observed_at");
