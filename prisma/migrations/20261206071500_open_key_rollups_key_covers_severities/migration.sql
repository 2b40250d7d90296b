-- The CVE groups of a severity (group=cve&severity=CRITICAL) show how many accounts have each shown
-- group's findings of that severity: a count of the key's open_key_rollups rows in the region whose
-- critical (or high, in use or idle) count is above zero. Those counts were only on the heap rows,
-- which the triggers wrote in listing order: ~3,200 scattered rows read per group, 453-474 ms for a
-- page of groups on a synced 10M cache (docs/benchmarks.md, thirty-second pass). The primary key now
-- carries the four counts the test reads, so a group's accounts are one range of the key read
-- index-only (the first load vacuums the table with the findings, lib/db/deferred-indexes.ts).
-- About 16 B more a row (3.7M rows at 10M: ~6 B a finding).
-- schema.prisma cannot state INCLUDE (prisma/orm#8584): lib/db/migrations.test.ts checks the list.
ALTER TABLE "open_key_rollups" DROP CONSTRAINT "open_key_rollups_pkey";

ALTER TABLE "open_key_rollups" ADD CONSTRAINT "open_key_rollups_pkey"
  PRIMARY KEY ("finding_key", "region", "account_id") INCLUDE ("critical", "critical_idle", "high", "high_idle");
