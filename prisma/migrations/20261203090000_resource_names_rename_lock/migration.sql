-- The resource search's (id, name) pairs (finding_resource_names) could lose a pair a finding still
-- carries. A renaming update deleted the pairs no finding carried, as its snapshot saw the findings: a
-- finding another writer had inserted with that pair, not yet committed, was invisible to it, and that
-- writer had already found the pair present (ON CONFLICT DO NOTHING). Both then committed, and a search
-- for the name missed the new finding.
-- Now every statement that adds pairs holds a shared advisory lock on them until it commits, and an
-- update deletes stale pairs only under the exclusive lock: it waits for the writers in flight, then
-- checks with a snapshot that sees what they committed. Writers that rename nothing never wait on each
-- other. Two renaming writers can deadlock on the upgrade, and PostgreSQL aborts one, which the sync
-- runs again (retryOnDeadlock).
-- (\073 is a semicolon: the migration runner splits at every one.)
CREATE OR REPLACE FUNCTION finding_resource_names_add() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext(''finding_resource_names''))\073
  INSERT INTO finding_resource_names (resource_id, name, search)
  SELECT resource_id, name, lower(resource_id || chr(10) || name)
  FROM (SELECT DISTINCT resource_id, coalesce(resource_name, '''') AS name FROM new_rows) d ORDER BY 1, 2
  ON CONFLICT DO NOTHING\073
  RETURN NULL\073
END';

CREATE OR REPLACE FUNCTION finding_resource_names_on_update() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext(''finding_resource_names''))\073
  INSERT INTO finding_resource_names (resource_id, name, search)
  SELECT resource_id, name, lower(resource_id || chr(10) || name)
  FROM (SELECT DISTINCT resource_id, coalesce(resource_name, '''') AS name FROM new_rows) d ORDER BY 1, 2
  ON CONFLICT DO NOTHING\073
  IF EXISTS (SELECT 1 FROM (SELECT resource_id, coalesce(resource_name, '''') FROM old_rows
      EXCEPT SELECT resource_id, coalesce(resource_name, '''') FROM new_rows) renamed) THEN
    PERFORM pg_advisory_xact_lock(hashtext(''finding_resource_names''))\073
    DELETE FROM finding_resource_names n
    USING (SELECT resource_id, coalesce(resource_name, '''') AS name FROM old_rows
      EXCEPT SELECT resource_id, coalesce(resource_name, '''') FROM new_rows) stale
    WHERE n.resource_id = stale.resource_id AND n.name = stale.name
      AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.resource_id = stale.resource_id AND coalesce(f.resource_name, '''') = stale.name)\073
  END IF\073
  RETURN NULL\073
END';
