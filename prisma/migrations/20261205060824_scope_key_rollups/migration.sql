-- CreateTable
CREATE TABLE "key_rollups_generation" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "n" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "key_rollups_generation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "scope_key_rollup_sets" (
    "scope_hash" VARCHAR(64) NOT NULL,
    "account_ids" VARCHAR(12)[],
    "generation" BIGINT,
    "computed_at" TIMESTAMPTZ(3),
    "asked_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "scope_key_rollup_sets_pkey" PRIMARY KEY ("scope_hash")
);

-- CreateTable
CREATE TABLE "scope_key_rollups" (
    "scope_hash" VARCHAR(64) NOT NULL,
    "finding_key" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "findings" INTEGER NOT NULL,
    "findings_idle" INTEGER NOT NULL,
    "critical" INTEGER NOT NULL,
    "critical_idle" INTEGER NOT NULL,
    "high" INTEGER NOT NULL,
    "high_idle" INTEGER NOT NULL,
    "exploitable" INTEGER NOT NULL,
    "exploitable_idle" INTEGER NOT NULL,
    "exploitable_critical" INTEGER NOT NULL,
    "exploitable_critical_idle" INTEGER NOT NULL,
    "exploitable_high" INTEGER NOT NULL,
    "exploitable_high_idle" INTEGER NOT NULL,
    "accounts" INTEGER NOT NULL,
    "accounts_idle" INTEGER NOT NULL,
    "accounts_all" INTEGER NOT NULL,

    CONSTRAINT "scope_key_rollups_pkey" PRIMARY KEY ("scope_hash","region","finding_key")
);

-- AddForeignKey
ALTER TABLE "scope_key_rollups" ADD CONSTRAINT "scope_key_rollups_scope_hash_fkey" FOREIGN KEY ("scope_hash") REFERENCES "scope_key_rollup_sets"("scope_hash") ON DELETE CASCADE ON UPDATE CASCADE;


-- The generation: one row, bumped by every statement that changes open_key_rollups, in that
-- statement's transaction. A scope's copy records the generation of the snapshot it was summed in, and
-- is read only in a snapshot where the row still says so: then no change to the key rollups committed
-- in between, whichever process or replica reads it. The writers of findings reach open_key_rollups in
-- their turn (rollups_writer_turn), so the row's lock adds no wait between them.
-- (\073 is a semicolon: the migration runner splits at every one.)
INSERT INTO "key_rollups_generation" ("id", "n") VALUES (1, 0);

CREATE FUNCTION key_rollups_generation_bump() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  UPDATE key_rollups_generation SET n = n + 1 WHERE id = 1\073
  RETURN NULL\073
END';

CREATE TRIGGER key_rollups_generation_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON open_key_rollups
  FOR EACH STATEMENT EXECUTE FUNCTION key_rollups_generation_bump();
