-- A broad resource text (":$LATEST", every Lambda function) is tested against each finding's id and
-- name as one lower-cased text (lib/queries/findings/resource-match.ts). PostgreSQL has no statistics
-- for that expression, so it guessed that a LIKE on it keeps 0.5 % of the rows and chose to read the
-- whole table and sort it, where walking the score index meets the matches at once: 1M findings,
-- ":$LATEST" matching 12 % of them, the explorer's page took 430-480 ms, and 0.5 ms with the estimate
-- these statistics give (112,855 rows against 106,749). The expression must stay the one the statement
-- builds (searchOf), which resource-text-statistics.test.ts checks.
CREATE STATISTICS findings_resource_text ON (lower(resource_id || chr(10) || coalesce(resource_name, ''))) FROM findings;

-- Filled by each ANALYZE of findings (autovacuum analyzes it after a tenth of its rows changed): now,
-- so that an upgraded cache plans with them at once (1 s at 1M findings).
ANALYZE findings;
