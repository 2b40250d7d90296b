-- CreateTable
CREATE TABLE "open_rollups_by_account" (
    "account_id" VARCHAR(12) NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL DEFAULT '',
    "severity" TEXT NOT NULL,
    "idle" BOOLEAN NOT NULL,
    "findings" INTEGER NOT NULL,

    CONSTRAINT "open_rollups_by_account_pkey" PRIMARY KEY ("account_id","provider","provider_account_id","severity","idle")
);


-- Kept by the database from finding_rollups' own changes (every writer of the rollups goes through
-- them: the findings triggers, the verification's rebuild and pruning): one aggregated delta of the
-- ACTIVE ("open", lib/queries/lifecycle-sql.ts) cells per statement, keys in order so concurrent
-- writers lock rows in one order. (\073 is a semicolon: the migration runner splits at every one.)
CREATE FUNCTION open_rollups_by_account_on_insert() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO open_rollups_by_account AS o (account_id, provider, provider_account_id, severity, idle, findings)
  SELECT account_id, provider, provider_account_id, severity, idle, sum(findings)::int FROM new_rows WHERE status = ''ACTIVE''
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(findings) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, provider, provider_account_id, severity, idle) DO UPDATE SET findings = o.findings + EXCLUDED.findings\073
  RETURN NULL\073
END';
CREATE FUNCTION open_rollups_by_account_on_update() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO open_rollups_by_account AS o (account_id, provider, provider_account_id, severity, idle, findings)
  SELECT account_id, provider, provider_account_id, severity, idle, sum(d)::int
  FROM (SELECT account_id, provider, provider_account_id, severity, idle, findings FROM new_rows WHERE status = ''ACTIVE''
    UNION ALL SELECT account_id, provider, provider_account_id, severity, idle, -findings FROM old_rows WHERE status = ''ACTIVE'') AS delta(account_id, provider, provider_account_id, severity, idle, d)
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(d) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, provider, provider_account_id, severity, idle) DO UPDATE SET findings = o.findings + EXCLUDED.findings\073
  RETURN NULL\073
END';
CREATE FUNCTION open_rollups_by_account_on_delete() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO open_rollups_by_account AS o (account_id, provider, provider_account_id, severity, idle, findings)
  SELECT account_id, provider, provider_account_id, severity, idle, -sum(findings)::int FROM old_rows WHERE status = ''ACTIVE''
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(findings) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (account_id, provider, provider_account_id, severity, idle) DO UPDATE SET findings = o.findings + EXCLUDED.findings\073
  RETURN NULL\073
END';
CREATE FUNCTION open_rollups_by_account_on_truncate() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN DELETE FROM open_rollups_by_account\073 RETURN NULL\073 END';

CREATE TRIGGER open_rollups_by_account_insert AFTER INSERT ON finding_rollups REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION open_rollups_by_account_on_insert();
CREATE TRIGGER open_rollups_by_account_update AFTER UPDATE ON finding_rollups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION open_rollups_by_account_on_update();
CREATE TRIGGER open_rollups_by_account_delete AFTER DELETE ON finding_rollups REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION open_rollups_by_account_on_delete();
CREATE TRIGGER open_rollups_by_account_truncate AFTER TRUNCATE ON finding_rollups
  FOR EACH STATEMENT EXECUTE FUNCTION open_rollups_by_account_on_truncate();

-- Backfill from the rollups already kept.
INSERT INTO open_rollups_by_account (account_id, provider, provider_account_id, severity, idle, findings)
SELECT account_id, provider, provider_account_id, severity, idle, sum(findings)::int FROM finding_rollups WHERE status = 'ACTIVE' GROUP BY 1, 2, 3, 4, 5;
