-- The explorer's resource search reads finding_resource_names for the ids and names containing its
-- text (search LIKE '%…%'). Without an index that was a read of every row: ~100 ms at 10M findings
-- (600,000 rows) for a text that matches a few resources. A trigram index answers such a text in a
-- few ms. A text that matches a large share of the rows (":$LATEST", every Lambda function) keeps the
-- sequential read, which stops at the lookup's limit. pg_trgm ships with PostgreSQL (contrib) and is
-- a trusted extension since PostgreSQL 13: the database's owner may create it without a superuser.
-- The embedded PGlite loads it too (lib/db/embedded-postgres.ts). ~8 bytes a finding at 10M.
-- Not stated in schema.prisma (an operator class): lib/db/migrations.test.ts checks it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "finding_resource_names_search_trgm_idx" ON "finding_resource_names" USING gin ("search" gin_trgm_ops);
