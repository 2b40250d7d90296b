-- The description of a vulnerability was kept twice: in this column and in the raw JSON of the finding.
-- It is the same text for every finding of one vulnerability (often a paragraph), so it now lives
-- only in the raw vulnerability part (finding_raw_parts, stored once per vulnerability text). Rows
-- cached whole keep it in their raw JSON. Only the finding page showed it. Dropping a column changes
-- the catalog only: the bytes go when each row is next written (or at VACUUM FULL).
-- AlterTable
ALTER TABLE "findings" DROP COLUMN "description";
