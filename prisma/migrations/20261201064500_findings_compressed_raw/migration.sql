-- Compress the raw Inspector JSON (TOAST) instead of keeping rows inline and uncompressed: undoes
-- findings_inline_rows' toast_tuple_target = 8160, which left ~2.7 KB rows two or three to a page.
-- lz4 where the server has it (PostgreSQL 15 as packaged, RDS, Aurora), else pglz (PGlite, or a
-- server built without lz4: SQLSTATE 0A000). The block is an E'' string with \x3b for semicolons
-- because the migration engine splits scripts at every semicolon, dollar quotes included.
-- Storage settings only: existing rows are not rewritten here (a long exclusive lock at 10M rows).
-- Each row is compressed when the sync next writes it, or all at once by VACUUM FULL findings.
ALTER TABLE "findings" RESET (toast_tuple_target);
ALTER TABLE "findings" ALTER COLUMN "raw" SET STORAGE EXTENDED;
DO E'BEGIN ALTER TABLE "findings" ALTER COLUMN "raw" SET COMPRESSION lz4\x3b EXCEPTION WHEN feature_not_supported THEN ALTER TABLE "findings" ALTER COLUMN "raw" SET COMPRESSION pglz\x3b END';
