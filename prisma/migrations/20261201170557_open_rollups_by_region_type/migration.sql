-- CreateTable
CREATE TABLE "open_rollups_by_region_type" (
    "shard" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "resource_type" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "idle" BOOLEAN NOT NULL,
    "findings" INTEGER NOT NULL,
    "exploitable" INTEGER NOT NULL,
    "fixable" INTEGER NOT NULL,

    CONSTRAINT "open_rollups_by_region_type_pkey" PRIMARY KEY ("shard","region","resource_type","severity","idle")
);


-- Kept like open_rollups_by_account (see there): one aggregated delta of the ACTIVE cells per
-- statement on finding_rollups, keys in order. The shard is the account id's last digit, so batches
-- of different accounts in one region mostly update different rows.
CREATE FUNCTION open_rollups_by_region_type_on_insert() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO open_rollups_by_region_type AS o (shard, region, resource_type, severity, idle, findings, exploitable, fixable)
  SELECT right(account_id, 1), region, resource_type, severity, idle, sum(findings)::int, sum(exploitable)::int, sum(fixable)::int
  FROM new_rows WHERE status = ''ACTIVE''
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(findings) <> 0 OR sum(exploitable) <> 0 OR sum(fixable) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (shard, region, resource_type, severity, idle) DO UPDATE SET
    findings = o.findings + EXCLUDED.findings, exploitable = o.exploitable + EXCLUDED.exploitable, fixable = o.fixable + EXCLUDED.fixable\073
  RETURN NULL\073
END';
CREATE FUNCTION open_rollups_by_region_type_on_update() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO open_rollups_by_region_type AS o (shard, region, resource_type, severity, idle, findings, exploitable, fixable)
  SELECT right(a, 1), g, t, v, i, sum(n)::int, sum(x)::int, sum(fx)::int
  FROM (SELECT account_id, region, resource_type, severity, idle, findings, exploitable, fixable FROM new_rows WHERE status = ''ACTIVE''
    UNION ALL SELECT account_id, region, resource_type, severity, idle, -findings, -exploitable, -fixable FROM old_rows WHERE status = ''ACTIVE'') AS delta(a, g, t, v, i, n, x, fx)
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 OR sum(x) <> 0 OR sum(fx) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (shard, region, resource_type, severity, idle) DO UPDATE SET
    findings = o.findings + EXCLUDED.findings, exploitable = o.exploitable + EXCLUDED.exploitable, fixable = o.fixable + EXCLUDED.fixable\073
  RETURN NULL\073
END';
CREATE FUNCTION open_rollups_by_region_type_on_delete() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO open_rollups_by_region_type AS o (shard, region, resource_type, severity, idle, findings, exploitable, fixable)
  SELECT right(account_id, 1), region, resource_type, severity, idle, -sum(findings)::int, -sum(exploitable)::int, -sum(fixable)::int
  FROM old_rows WHERE status = ''ACTIVE''
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(findings) <> 0 OR sum(exploitable) <> 0 OR sum(fixable) <> 0 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (shard, region, resource_type, severity, idle) DO UPDATE SET
    findings = o.findings + EXCLUDED.findings, exploitable = o.exploitable + EXCLUDED.exploitable, fixable = o.fixable + EXCLUDED.fixable\073
  RETURN NULL\073
END';
CREATE FUNCTION open_rollups_by_region_type_on_truncate() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN DELETE FROM open_rollups_by_region_type\073 RETURN NULL\073 END';

CREATE TRIGGER open_rollups_by_region_type_insert AFTER INSERT ON finding_rollups REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION open_rollups_by_region_type_on_insert();
CREATE TRIGGER open_rollups_by_region_type_update AFTER UPDATE ON finding_rollups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION open_rollups_by_region_type_on_update();
CREATE TRIGGER open_rollups_by_region_type_delete AFTER DELETE ON finding_rollups REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION open_rollups_by_region_type_on_delete();
CREATE TRIGGER open_rollups_by_region_type_truncate AFTER TRUNCATE ON finding_rollups
  FOR EACH STATEMENT EXECUTE FUNCTION open_rollups_by_region_type_on_truncate();

-- Backfill from the rollups already kept.
INSERT INTO open_rollups_by_region_type (shard, region, resource_type, severity, idle, findings, exploitable, fixable)
SELECT right(account_id, 1), region, resource_type, severity, idle, sum(findings)::int, sum(exploitable)::int, sum(fixable)::int
FROM finding_rollups WHERE status = 'ACTIVE' GROUP BY 1, 2, 3, 4, 5;
