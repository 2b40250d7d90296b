-- The explorer's resource search (finding_resource_names) only ever gained rows. When a finding's
-- first resource changed its name (an image whose tag moved from v1 to v2) the old (id, name) pair
-- stayed, and a search for v1 then showed the image's findings under v2. Updates now also delete the
-- pairs their old rows had and their new rows do not, once no finding carries them (the resource_id
-- index finds the candidates, and a statement with no renamed resource deletes nothing). Findings are
-- never deleted (they go GONE), so updates are the only way a pair goes stale.
-- (\073 is a semicolon: the migration runner splits at every one.)
CREATE FUNCTION finding_resource_names_on_update() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO finding_resource_names (resource_id, name, search)
  SELECT resource_id, name, lower(resource_id || chr(10) || name)
  FROM (SELECT DISTINCT resource_id, coalesce(resource_name, '''') AS name FROM new_rows) d ORDER BY 1, 2
  ON CONFLICT DO NOTHING\073
  DELETE FROM finding_resource_names n
  USING (SELECT resource_id, coalesce(resource_name, '''') AS name FROM old_rows
    EXCEPT SELECT resource_id, coalesce(resource_name, '''') FROM new_rows) stale
  WHERE n.resource_id = stale.resource_id AND n.name = stale.name
    AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.resource_id = stale.resource_id AND coalesce(f.resource_name, '''') = stale.name)\073
  RETURN NULL\073
END';

DROP TRIGGER finding_resource_names_update ON findings;
CREATE TRIGGER finding_resource_names_update AFTER UPDATE ON findings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION finding_resource_names_on_update();

-- The pairs already left behind.
DELETE FROM finding_resource_names n
WHERE NOT EXISTS (SELECT 1 FROM findings f WHERE f.resource_id = n.resource_id AND coalesce(f.resource_name, '') = n.name);
