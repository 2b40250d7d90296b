-- The cache's data version for the app's memos (lib/queries/posture/sync-version.ts): every statement
-- that writes findings or accounts takes the next value, whoever runs it (the sync, an operator's
-- fix by hand, a test). A sequence, not a counter row: nextval takes no row lock, so the sync's
-- parallel writers never wait on it. (\073 is a semicolon: the migration runner splits at every one.)
CREATE SEQUENCE cache_data_version;

CREATE FUNCTION cache_data_version_bump() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN PERFORM nextval(''cache_data_version'')\073 RETURN NULL\073 END';

CREATE TRIGGER findings_cache_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON findings
  FOR EACH STATEMENT EXECUTE FUNCTION cache_data_version_bump();
CREATE TRIGGER accounts_cache_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON accounts
  FOR EACH STATEMENT EXECUTE FUNCTION cache_data_version_bump();
