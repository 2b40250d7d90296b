-- Writers of findings take turns at the rollups. Every statement on findings fires its rollup triggers
-- (finding_rollups, the key rollups, the resource names, and the rollups kept from those) twice for an
-- upsert: once for the rows it inserted, once for those it updated, each pass locking shared summary
-- rows (a key's row for every region, an account's cells) in key order. Across the two passes the
-- order breaks, so two concurrent writers crossed: a 2M first load with the sync's two writers lost 35
-- deadlocks in 266 s, each a second's wait (deadlock_timeout) and a batch rolled back and run again.
-- This trigger fires first in each pass (triggers fire in name order: '0' sorts before every letter)
-- and takes a transaction-level advisory lock, so a writer's rollup work starts only when the other's
-- has committed. The findings rows themselves are still written concurrently, before the triggers.
-- (\073 is a semicolon: the migration runner splits at every one.)

CREATE FUNCTION rollups_writer_turn() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  PERFORM pg_advisory_xact_lock(7415502912)\073
  RETURN NULL\073
END';

CREATE TRIGGER finding_0_rollups_writer_turn AFTER INSERT OR UPDATE OR DELETE ON findings
  FOR EACH STATEMENT EXECUTE FUNCTION rollups_writer_turn();
