-- The resource search matches a finding when its resource has the text in its id or in any name the
-- findings give it (finding_resource_names): a renamed instance's findings all match its old name while
-- one of them still carries it. A text that matches too many resources to list them (more than 10,000,
-- ":$LATEST") is instead tested against each finding's own id and name, which missed the findings of a
-- resource known under several names whose matching name was another finding's. This table holds the
-- rows of finding_resource_names whose resource has more than one name (few: most resources have one),
-- so that such a text adds those resources by a short list. Kept by triggers on finding_resource_names:
-- an insert copies every name of a resource that now has two or more, a delete drops the pair, and the
-- resource's last alias once it is down to one name.
-- Known limit: two transactions that each add a different first name of one resource at once, both
-- uncommitted, each see one name. The sync writes a resource's findings from one writer at a time.
-- (\073 is a semicolon: the migration runner splits at every one.)

-- CreateTable
CREATE TABLE "finding_resource_aliases" (
    "resource_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "search" TEXT NOT NULL,

    CONSTRAINT "finding_resource_aliases_pkey" PRIMARY KEY ("resource_id","name")
);

INSERT INTO finding_resource_aliases (resource_id, name, search)
SELECT n.resource_id, n.name, n.search FROM finding_resource_names n
WHERE n.resource_id IN (SELECT resource_id FROM finding_resource_names GROUP BY resource_id HAVING count(*) > 1)
ORDER BY 1, 2;

-- Each added pair looks for another name of its resource, and a resource that has one gets all its
-- names, both by the primary key (LATERAL: a join the planner chose to hash read the whole table for
-- each statement, 10x a first load's insert of the names. This adds ~1.5 µs a new pair).
CREATE FUNCTION finding_resource_aliases_add() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO finding_resource_aliases (resource_id, name, search)
  SELECT n.resource_id, n.name, n.search
  FROM (SELECT DISTINCT a.resource_id FROM added a
    CROSS JOIN LATERAL (SELECT 1 FROM finding_resource_names m WHERE m.resource_id = a.resource_id AND m.name <> a.name LIMIT 1) other) r
  CROSS JOIN LATERAL (SELECT n.resource_id, n.name, n.search FROM finding_resource_names n WHERE n.resource_id = r.resource_id OFFSET 0) n
  ORDER BY 1, 2
  ON CONFLICT DO NOTHING\073
  RETURN NULL\073
END';

CREATE FUNCTION finding_resource_aliases_remove() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  DELETE FROM finding_resource_aliases a USING removed r WHERE a.resource_id = r.resource_id AND a.name = r.name\073
  DELETE FROM finding_resource_aliases a USING (SELECT DISTINCT resource_id FROM removed) r
  WHERE a.resource_id = r.resource_id
    AND NOT EXISTS (SELECT 1 FROM finding_resource_names m WHERE m.resource_id = a.resource_id AND m.name <> a.name)\073
  RETURN NULL\073
END';

CREATE TRIGGER finding_resource_aliases_insert AFTER INSERT ON finding_resource_names REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION finding_resource_aliases_add();
CREATE TRIGGER finding_resource_aliases_delete AFTER DELETE ON finding_resource_names REFERENCING OLD TABLE AS removed
  FOR EACH STATEMENT EXECUTE FUNCTION finding_resource_aliases_remove();

-- Emptying findings empties the names (finding_resource_names_clear): the aliases go first, so the
-- delete trigger above has nothing to join.
CREATE OR REPLACE FUNCTION finding_resource_names_clear() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  DELETE FROM finding_resource_aliases\073
  DELETE FROM finding_resource_names\073
  RETURN NULL\073
END';
