-- The same statistics as findings_resource_text (migration *_findings_resource_text_statistics), for the
-- resources after the first of each finding: a broad resource text tests each one's id and name as one
-- lower-cased text (lib/queries/findings/resource-match.ts, othersSql and the EXISTS of a broad list),
-- and without statistics on that expression PostgreSQL guesses that a LIKE keeps 0.5 % of the rows,
-- whatever the text. resource-text-statistics.test.ts checks that the expression is the one the
-- statement builds, and that the estimate follows the data.
CREATE STATISTICS finding_other_resources_text ON (lower(resource_id || chr(10) || coalesce(name, ''))) FROM finding_other_resources;

ANALYZE finding_other_resources;
