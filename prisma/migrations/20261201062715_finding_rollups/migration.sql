-- CreateTable
CREATE TABLE "finding_rollups" (
    "status" TEXT NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
    "region" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "provider_account_id" TEXT NOT NULL DEFAULT '',
    "idle" BOOLEAN NOT NULL,
    "findings" INTEGER NOT NULL,
    "exploitable" INTEGER NOT NULL,
    "fixable" INTEGER NOT NULL,

    CONSTRAINT "finding_rollups_pkey" PRIMARY KEY ("status","account_id","region","severity","resource_type","provider","provider_account_id","idle")
);


-- Kept by the database itself: one aggregated delta per statement on findings (transition tables),
-- so every writer (the sync's batch upsert, gone marking, image usage, tests, seeders) keeps the
-- rollups right in its own transaction. Keys in order, so concurrent writers lock rows in one order.
-- "idle" is idleImageSql (lib/queries/in-use-sql.ts): an ECR image with in_use_count = 0, the same
-- cells as RECOUNT_SQL (lib/sync/integrity/rollup-check.ts). One function per event: a transition
-- table exists only for its own event. (\073 is a semicolon: the migration runner splits at every one.)
CREATE FUNCTION finding_rollups_on_insert() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO finding_rollups AS r (status, account_id, region, severity, resource_type, provider, provider_account_id, idle, findings, exploitable, fixable)
  SELECT s, a, g, v, t, p, pa, i, sum(d)::int, coalesce(sum(d) FILTER (WHERE x), 0)::int, coalesce(sum(d) FILTER (WHERE fx), 0)::int
  FROM (SELECT status, account_id, region, severity, resource_type, provider, coalesce(provider_account_id, ''''), coalesce(resource_type = ''AWS_ECR_CONTAINER_IMAGE'' AND in_use_count = 0, false), exploit_available = ''YES'', fix_available = ''YES'', 1 FROM new_rows) AS delta(s, a, g, v, t, p, pa, i, x, fx, d)
  GROUP BY s, a, g, v, t, p, pa, i
  HAVING sum(d) <> 0 OR coalesce(sum(d) FILTER (WHERE x), 0) <> 0 OR coalesce(sum(d) FILTER (WHERE fx), 0) <> 0
  ORDER BY s, a, g, v, t, p, pa, i
  ON CONFLICT (status, account_id, region, severity, resource_type, provider, provider_account_id, idle) DO UPDATE SET
    findings = r.findings + EXCLUDED.findings, exploitable = r.exploitable + EXCLUDED.exploitable, fixable = r.fixable + EXCLUDED.fixable\073
  RETURN NULL\073
END';
CREATE FUNCTION finding_rollups_on_update() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO finding_rollups AS r (status, account_id, region, severity, resource_type, provider, provider_account_id, idle, findings, exploitable, fixable)
  SELECT s, a, g, v, t, p, pa, i, sum(d)::int, coalesce(sum(d) FILTER (WHERE x), 0)::int, coalesce(sum(d) FILTER (WHERE fx), 0)::int
  FROM (SELECT status, account_id, region, severity, resource_type, provider, coalesce(provider_account_id, ''''), coalesce(resource_type = ''AWS_ECR_CONTAINER_IMAGE'' AND in_use_count = 0, false), exploit_available = ''YES'', fix_available = ''YES'', 1 FROM new_rows
    UNION ALL SELECT status, account_id, region, severity, resource_type, provider, coalesce(provider_account_id, ''''), coalesce(resource_type = ''AWS_ECR_CONTAINER_IMAGE'' AND in_use_count = 0, false), exploit_available = ''YES'', fix_available = ''YES'', -1 FROM old_rows) AS delta(s, a, g, v, t, p, pa, i, x, fx, d)
  GROUP BY s, a, g, v, t, p, pa, i
  HAVING sum(d) <> 0 OR coalesce(sum(d) FILTER (WHERE x), 0) <> 0 OR coalesce(sum(d) FILTER (WHERE fx), 0) <> 0
  ORDER BY s, a, g, v, t, p, pa, i
  ON CONFLICT (status, account_id, region, severity, resource_type, provider, provider_account_id, idle) DO UPDATE SET
    findings = r.findings + EXCLUDED.findings, exploitable = r.exploitable + EXCLUDED.exploitable, fixable = r.fixable + EXCLUDED.fixable\073
  RETURN NULL\073
END';
CREATE FUNCTION finding_rollups_on_delete() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO finding_rollups AS r (status, account_id, region, severity, resource_type, provider, provider_account_id, idle, findings, exploitable, fixable)
  SELECT s, a, g, v, t, p, pa, i, sum(d)::int, coalesce(sum(d) FILTER (WHERE x), 0)::int, coalesce(sum(d) FILTER (WHERE fx), 0)::int
  FROM (SELECT status, account_id, region, severity, resource_type, provider, coalesce(provider_account_id, ''''), coalesce(resource_type = ''AWS_ECR_CONTAINER_IMAGE'' AND in_use_count = 0, false), exploit_available = ''YES'', fix_available = ''YES'', -1 FROM old_rows) AS delta(s, a, g, v, t, p, pa, i, x, fx, d)
  GROUP BY s, a, g, v, t, p, pa, i
  HAVING sum(d) <> 0 OR coalesce(sum(d) FILTER (WHERE x), 0) <> 0 OR coalesce(sum(d) FILTER (WHERE fx), 0) <> 0
  ORDER BY s, a, g, v, t, p, pa, i
  ON CONFLICT (status, account_id, region, severity, resource_type, provider, provider_account_id, idle) DO UPDATE SET
    findings = r.findings + EXCLUDED.findings, exploitable = r.exploitable + EXCLUDED.exploitable, fixable = r.fixable + EXCLUDED.fixable\073
  RETURN NULL\073
END';
CREATE FUNCTION finding_rollups_on_truncate() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN DELETE FROM finding_rollups\073 RETURN NULL\073 END';

CREATE TRIGGER finding_rollups_insert AFTER INSERT ON findings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION finding_rollups_on_insert();
CREATE TRIGGER finding_rollups_update AFTER UPDATE ON findings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION finding_rollups_on_update();
CREATE TRIGGER finding_rollups_delete AFTER DELETE ON findings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION finding_rollups_on_delete();
CREATE TRIGGER finding_rollups_truncate AFTER TRUNCATE ON findings
  FOR EACH STATEMENT EXECUTE FUNCTION finding_rollups_on_truncate();

-- Backfill from the findings already cached.
INSERT INTO finding_rollups (status, account_id, region, severity, resource_type, provider, provider_account_id, idle, findings, exploitable, fixable)
SELECT status, account_id, region, severity, resource_type, provider, coalesce(provider_account_id, ''),
  coalesce(resource_type = 'AWS_ECR_CONTAINER_IMAGE' AND in_use_count = 0, false),
  count(*)::int, (count(*) FILTER (WHERE exploit_available = 'YES'))::int, (count(*) FILTER (WHERE fix_available = 'YES'))::int
FROM findings GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
