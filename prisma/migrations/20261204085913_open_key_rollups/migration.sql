-- CreateTable
CREATE TABLE "open_key_rollups" (
    "finding_key" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "account_id" VARCHAR(12) NOT NULL,
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

    CONSTRAINT "open_key_rollups_pkey" PRIMARY KEY ("finding_key","region","account_id")
);

-- CreateTable
CREATE TABLE "open_key_region_rollups" (
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

    CONSTRAINT "open_key_region_rollups_pkey" PRIMARY KEY ("region","finding_key")
);


-- Kept by the database itself, like finding_rollups: one aggregated delta per statement on findings
-- (transition tables), in the writer's own transaction, keys in order so concurrent writers lock rows
-- in one order. Each open finding counts twice: in its region and in '' (every region), so the
-- region rollups below can say how many accounts a key reaches across regions. "Open" is
-- lifecycleText("open"), "idle" is idleImageSql (lib/queries/in-use-sql.ts), and the recounts in
-- lib/sync/integrity/rollup-check.ts hold both to those definitions. The critical and high splits of
-- "exploitable" serve the groups of those severities. (\073 is a semicolon: the migration runner
-- splits at every one.)

CREATE FUNCTION open_key_rollups_on_insert() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO open_key_rollups AS r (finding_key, region, account_id, findings, findings_idle, critical, critical_idle, high, high_idle, exploitable, exploitable_idle, exploitable_critical, exploitable_critical_idle, exploitable_high, exploitable_high_idle)
  SELECT k, g, a, n, ni, c, ci, h, hi, x, xi, xc, xci, xh, xhi FROM (
    SELECT k, g, a,
      sum(d * (NOT i)::int) AS n, sum(d * i::int) AS ni,
      sum(d * (NOT i AND v = ''CRITICAL'')::int) AS c, sum(d * (i AND v = ''CRITICAL'')::int) AS ci,
      sum(d * (NOT i AND v = ''HIGH'')::int) AS h, sum(d * (i AND v = ''HIGH'')::int) AS hi,
      sum(d * (NOT i AND x)::int) AS x, sum(d * (i AND x)::int) AS xi,
      sum(d * (NOT i AND x AND v = ''CRITICAL'')::int) AS xc, sum(d * (i AND x AND v = ''CRITICAL'')::int) AS xci,
      sum(d * (NOT i AND x AND v = ''HIGH'')::int) AS xh, sum(d * (i AND x AND v = ''HIGH'')::int) AS xhi
    FROM (SELECT finding_key, rg.r, account_id, coalesce(resource_type = ''AWS_ECR_CONTAINER_IMAGE'' AND in_use_count = 0, false), coalesce(severity, ''''), coalesce(exploit_available = ''YES'', false), 1 FROM new_rows CROSS JOIN LATERAL (VALUES (region), ('''')) AS rg(r) WHERE status = ''ACTIVE'') AS delta(k, g, a, i, v, x, d)
    GROUP BY k, g, a) s
  WHERE (n, ni, c, ci, h, hi, x, xi, xc, xci, xh, xhi) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY k, g, a
  ON CONFLICT (finding_key, region, account_id) DO UPDATE SET
    findings = r.findings + EXCLUDED.findings, findings_idle = r.findings_idle + EXCLUDED.findings_idle, critical = r.critical + EXCLUDED.critical, critical_idle = r.critical_idle + EXCLUDED.critical_idle, high = r.high + EXCLUDED.high, high_idle = r.high_idle + EXCLUDED.high_idle, exploitable = r.exploitable + EXCLUDED.exploitable, exploitable_idle = r.exploitable_idle + EXCLUDED.exploitable_idle, exploitable_critical = r.exploitable_critical + EXCLUDED.exploitable_critical, exploitable_critical_idle = r.exploitable_critical_idle + EXCLUDED.exploitable_critical_idle, exploitable_high = r.exploitable_high + EXCLUDED.exploitable_high, exploitable_high_idle = r.exploitable_high_idle + EXCLUDED.exploitable_high_idle\073
  RETURN NULL\073
END';

CREATE FUNCTION open_key_rollups_on_update() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO open_key_rollups AS r (finding_key, region, account_id, findings, findings_idle, critical, critical_idle, high, high_idle, exploitable, exploitable_idle, exploitable_critical, exploitable_critical_idle, exploitable_high, exploitable_high_idle)
  SELECT k, g, a, n, ni, c, ci, h, hi, x, xi, xc, xci, xh, xhi FROM (
    SELECT k, g, a,
      sum(d * (NOT i)::int) AS n, sum(d * i::int) AS ni,
      sum(d * (NOT i AND v = ''CRITICAL'')::int) AS c, sum(d * (i AND v = ''CRITICAL'')::int) AS ci,
      sum(d * (NOT i AND v = ''HIGH'')::int) AS h, sum(d * (i AND v = ''HIGH'')::int) AS hi,
      sum(d * (NOT i AND x)::int) AS x, sum(d * (i AND x)::int) AS xi,
      sum(d * (NOT i AND x AND v = ''CRITICAL'')::int) AS xc, sum(d * (i AND x AND v = ''CRITICAL'')::int) AS xci,
      sum(d * (NOT i AND x AND v = ''HIGH'')::int) AS xh, sum(d * (i AND x AND v = ''HIGH'')::int) AS xhi
    FROM (SELECT finding_key, rg.r, account_id, coalesce(resource_type = ''AWS_ECR_CONTAINER_IMAGE'' AND in_use_count = 0, false), coalesce(severity, ''''), coalesce(exploit_available = ''YES'', false), 1 FROM new_rows CROSS JOIN LATERAL (VALUES (region), ('''')) AS rg(r) WHERE status = ''ACTIVE'' UNION ALL SELECT finding_key, rg.r, account_id, coalesce(resource_type = ''AWS_ECR_CONTAINER_IMAGE'' AND in_use_count = 0, false), coalesce(severity, ''''), coalesce(exploit_available = ''YES'', false), -1 FROM old_rows CROSS JOIN LATERAL (VALUES (region), ('''')) AS rg(r) WHERE status = ''ACTIVE'') AS delta(k, g, a, i, v, x, d)
    GROUP BY k, g, a) s
  WHERE (n, ni, c, ci, h, hi, x, xi, xc, xci, xh, xhi) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY k, g, a
  ON CONFLICT (finding_key, region, account_id) DO UPDATE SET
    findings = r.findings + EXCLUDED.findings, findings_idle = r.findings_idle + EXCLUDED.findings_idle, critical = r.critical + EXCLUDED.critical, critical_idle = r.critical_idle + EXCLUDED.critical_idle, high = r.high + EXCLUDED.high, high_idle = r.high_idle + EXCLUDED.high_idle, exploitable = r.exploitable + EXCLUDED.exploitable, exploitable_idle = r.exploitable_idle + EXCLUDED.exploitable_idle, exploitable_critical = r.exploitable_critical + EXCLUDED.exploitable_critical, exploitable_critical_idle = r.exploitable_critical_idle + EXCLUDED.exploitable_critical_idle, exploitable_high = r.exploitable_high + EXCLUDED.exploitable_high, exploitable_high_idle = r.exploitable_high_idle + EXCLUDED.exploitable_high_idle\073
  RETURN NULL\073
END';

CREATE FUNCTION open_key_rollups_on_delete() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO open_key_rollups AS r (finding_key, region, account_id, findings, findings_idle, critical, critical_idle, high, high_idle, exploitable, exploitable_idle, exploitable_critical, exploitable_critical_idle, exploitable_high, exploitable_high_idle)
  SELECT k, g, a, n, ni, c, ci, h, hi, x, xi, xc, xci, xh, xhi FROM (
    SELECT k, g, a,
      sum(d * (NOT i)::int) AS n, sum(d * i::int) AS ni,
      sum(d * (NOT i AND v = ''CRITICAL'')::int) AS c, sum(d * (i AND v = ''CRITICAL'')::int) AS ci,
      sum(d * (NOT i AND v = ''HIGH'')::int) AS h, sum(d * (i AND v = ''HIGH'')::int) AS hi,
      sum(d * (NOT i AND x)::int) AS x, sum(d * (i AND x)::int) AS xi,
      sum(d * (NOT i AND x AND v = ''CRITICAL'')::int) AS xc, sum(d * (i AND x AND v = ''CRITICAL'')::int) AS xci,
      sum(d * (NOT i AND x AND v = ''HIGH'')::int) AS xh, sum(d * (i AND x AND v = ''HIGH'')::int) AS xhi
    FROM (SELECT finding_key, rg.r, account_id, coalesce(resource_type = ''AWS_ECR_CONTAINER_IMAGE'' AND in_use_count = 0, false), coalesce(severity, ''''), coalesce(exploit_available = ''YES'', false), -1 FROM old_rows CROSS JOIN LATERAL (VALUES (region), ('''')) AS rg(r) WHERE status = ''ACTIVE'') AS delta(k, g, a, i, v, x, d)
    GROUP BY k, g, a) s
  WHERE (n, ni, c, ci, h, hi, x, xi, xc, xci, xh, xhi) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY k, g, a
  ON CONFLICT (finding_key, region, account_id) DO UPDATE SET
    findings = r.findings + EXCLUDED.findings, findings_idle = r.findings_idle + EXCLUDED.findings_idle, critical = r.critical + EXCLUDED.critical, critical_idle = r.critical_idle + EXCLUDED.critical_idle, high = r.high + EXCLUDED.high, high_idle = r.high_idle + EXCLUDED.high_idle, exploitable = r.exploitable + EXCLUDED.exploitable, exploitable_idle = r.exploitable_idle + EXCLUDED.exploitable_idle, exploitable_critical = r.exploitable_critical + EXCLUDED.exploitable_critical, exploitable_critical_idle = r.exploitable_critical_idle + EXCLUDED.exploitable_critical_idle, exploitable_high = r.exploitable_high + EXCLUDED.exploitable_high, exploitable_high_idle = r.exploitable_high_idle + EXCLUDED.exploitable_high_idle\073
  RETURN NULL\073
END';

CREATE FUNCTION open_key_rollups_on_truncate() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN DELETE FROM open_key_rollups\073 RETURN NULL\073 END';

CREATE TRIGGER open_key_rollups_insert AFTER INSERT ON findings REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION open_key_rollups_on_insert();

CREATE TRIGGER open_key_rollups_update AFTER UPDATE ON findings REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION open_key_rollups_on_update();

CREATE TRIGGER open_key_rollups_delete AFTER DELETE ON findings REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION open_key_rollups_on_delete();

CREATE TRIGGER open_key_rollups_truncate AFTER TRUNCATE ON findings
  FOR EACH STATEMENT EXECUTE FUNCTION open_key_rollups_on_truncate();


-- open_key_region_rollups, kept the same way from open_key_rollups' changes: the counts summed, and an
-- account counted while its cell has findings (in use, idle, either), so a cell going to or from zero
-- moves the account counts by one.

CREATE FUNCTION open_key_region_rollups_on_insert() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO open_key_region_rollups AS o (finding_key, region, findings, findings_idle, critical, critical_idle, high, high_idle, exploitable, exploitable_idle, exploitable_critical, exploitable_critical_idle, exploitable_high, exploitable_high_idle, accounts, accounts_idle, accounts_all)
  SELECT k, g, sum(n)::int, sum(ni)::int, sum(c)::int, sum(ci)::int, sum(h)::int, sum(hi)::int, sum(x)::int, sum(xi)::int, sum(xc)::int, sum(xci)::int, sum(xh)::int, sum(xhi)::int, sum(ac)::int, sum(aci)::int, sum(aca)::int
  FROM (SELECT finding_key, region, findings, findings_idle, critical, critical_idle, high, high_idle, exploitable, exploitable_idle, exploitable_critical, exploitable_critical_idle, exploitable_high, exploitable_high_idle, (findings > 0)::int, (findings_idle > 0)::int, (findings + findings_idle > 0)::int FROM new_rows) AS delta(k, g, n, ni, c, ci, h, hi, x, xi, xc, xci, xh, xhi, ac, aci, aca)
  GROUP BY k, g HAVING (sum(n), sum(ni), sum(c), sum(ci), sum(h), sum(hi), sum(x), sum(xi), sum(xc), sum(xci), sum(xh), sum(xhi), sum(ac), sum(aci), sum(aca)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY g, k
  ON CONFLICT (region, finding_key) DO UPDATE SET
    findings = o.findings + EXCLUDED.findings, findings_idle = o.findings_idle + EXCLUDED.findings_idle, critical = o.critical + EXCLUDED.critical, critical_idle = o.critical_idle + EXCLUDED.critical_idle, high = o.high + EXCLUDED.high, high_idle = o.high_idle + EXCLUDED.high_idle, exploitable = o.exploitable + EXCLUDED.exploitable, exploitable_idle = o.exploitable_idle + EXCLUDED.exploitable_idle, exploitable_critical = o.exploitable_critical + EXCLUDED.exploitable_critical, exploitable_critical_idle = o.exploitable_critical_idle + EXCLUDED.exploitable_critical_idle, exploitable_high = o.exploitable_high + EXCLUDED.exploitable_high, exploitable_high_idle = o.exploitable_high_idle + EXCLUDED.exploitable_high_idle, accounts = o.accounts + EXCLUDED.accounts, accounts_idle = o.accounts_idle + EXCLUDED.accounts_idle, accounts_all = o.accounts_all + EXCLUDED.accounts_all\073
  RETURN NULL\073
END';

CREATE FUNCTION open_key_region_rollups_on_update() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO open_key_region_rollups AS o (finding_key, region, findings, findings_idle, critical, critical_idle, high, high_idle, exploitable, exploitable_idle, exploitable_critical, exploitable_critical_idle, exploitable_high, exploitable_high_idle, accounts, accounts_idle, accounts_all)
  SELECT k, g, sum(n)::int, sum(ni)::int, sum(c)::int, sum(ci)::int, sum(h)::int, sum(hi)::int, sum(x)::int, sum(xi)::int, sum(xc)::int, sum(xci)::int, sum(xh)::int, sum(xhi)::int, sum(ac)::int, sum(aci)::int, sum(aca)::int
  FROM (SELECT finding_key, region, findings, findings_idle, critical, critical_idle, high, high_idle, exploitable, exploitable_idle, exploitable_critical, exploitable_critical_idle, exploitable_high, exploitable_high_idle, (findings > 0)::int, (findings_idle > 0)::int, (findings + findings_idle > 0)::int FROM new_rows UNION ALL SELECT finding_key, region, -findings, -findings_idle, -critical, -critical_idle, -high, -high_idle, -exploitable, -exploitable_idle, -exploitable_critical, -exploitable_critical_idle, -exploitable_high, -exploitable_high_idle, -(findings > 0)::int, -(findings_idle > 0)::int, -(findings + findings_idle > 0)::int FROM old_rows) AS delta(k, g, n, ni, c, ci, h, hi, x, xi, xc, xci, xh, xhi, ac, aci, aca)
  GROUP BY k, g HAVING (sum(n), sum(ni), sum(c), sum(ci), sum(h), sum(hi), sum(x), sum(xi), sum(xc), sum(xci), sum(xh), sum(xhi), sum(ac), sum(aci), sum(aca)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY g, k
  ON CONFLICT (region, finding_key) DO UPDATE SET
    findings = o.findings + EXCLUDED.findings, findings_idle = o.findings_idle + EXCLUDED.findings_idle, critical = o.critical + EXCLUDED.critical, critical_idle = o.critical_idle + EXCLUDED.critical_idle, high = o.high + EXCLUDED.high, high_idle = o.high_idle + EXCLUDED.high_idle, exploitable = o.exploitable + EXCLUDED.exploitable, exploitable_idle = o.exploitable_idle + EXCLUDED.exploitable_idle, exploitable_critical = o.exploitable_critical + EXCLUDED.exploitable_critical, exploitable_critical_idle = o.exploitable_critical_idle + EXCLUDED.exploitable_critical_idle, exploitable_high = o.exploitable_high + EXCLUDED.exploitable_high, exploitable_high_idle = o.exploitable_high_idle + EXCLUDED.exploitable_high_idle, accounts = o.accounts + EXCLUDED.accounts, accounts_idle = o.accounts_idle + EXCLUDED.accounts_idle, accounts_all = o.accounts_all + EXCLUDED.accounts_all\073
  RETURN NULL\073
END';

CREATE FUNCTION open_key_region_rollups_on_delete() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO open_key_region_rollups AS o (finding_key, region, findings, findings_idle, critical, critical_idle, high, high_idle, exploitable, exploitable_idle, exploitable_critical, exploitable_critical_idle, exploitable_high, exploitable_high_idle, accounts, accounts_idle, accounts_all)
  SELECT k, g, sum(n)::int, sum(ni)::int, sum(c)::int, sum(ci)::int, sum(h)::int, sum(hi)::int, sum(x)::int, sum(xi)::int, sum(xc)::int, sum(xci)::int, sum(xh)::int, sum(xhi)::int, sum(ac)::int, sum(aci)::int, sum(aca)::int
  FROM (SELECT finding_key, region, -findings, -findings_idle, -critical, -critical_idle, -high, -high_idle, -exploitable, -exploitable_idle, -exploitable_critical, -exploitable_critical_idle, -exploitable_high, -exploitable_high_idle, -(findings > 0)::int, -(findings_idle > 0)::int, -(findings + findings_idle > 0)::int FROM old_rows) AS delta(k, g, n, ni, c, ci, h, hi, x, xi, xc, xci, xh, xhi, ac, aci, aca)
  GROUP BY k, g HAVING (sum(n), sum(ni), sum(c), sum(ci), sum(h), sum(hi), sum(x), sum(xi), sum(xc), sum(xci), sum(xh), sum(xhi), sum(ac), sum(aci), sum(aca)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY g, k
  ON CONFLICT (region, finding_key) DO UPDATE SET
    findings = o.findings + EXCLUDED.findings, findings_idle = o.findings_idle + EXCLUDED.findings_idle, critical = o.critical + EXCLUDED.critical, critical_idle = o.critical_idle + EXCLUDED.critical_idle, high = o.high + EXCLUDED.high, high_idle = o.high_idle + EXCLUDED.high_idle, exploitable = o.exploitable + EXCLUDED.exploitable, exploitable_idle = o.exploitable_idle + EXCLUDED.exploitable_idle, exploitable_critical = o.exploitable_critical + EXCLUDED.exploitable_critical, exploitable_critical_idle = o.exploitable_critical_idle + EXCLUDED.exploitable_critical_idle, exploitable_high = o.exploitable_high + EXCLUDED.exploitable_high, exploitable_high_idle = o.exploitable_high_idle + EXCLUDED.exploitable_high_idle, accounts = o.accounts + EXCLUDED.accounts, accounts_idle = o.accounts_idle + EXCLUDED.accounts_idle, accounts_all = o.accounts_all + EXCLUDED.accounts_all\073
  RETURN NULL\073
END';

CREATE FUNCTION open_key_region_rollups_on_truncate() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN DELETE FROM open_key_region_rollups\073 RETURN NULL\073 END';

CREATE TRIGGER open_key_region_rollups_insert AFTER INSERT ON open_key_rollups REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION open_key_region_rollups_on_insert();

CREATE TRIGGER open_key_region_rollups_update AFTER UPDATE ON open_key_rollups REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION open_key_region_rollups_on_update();

CREATE TRIGGER open_key_region_rollups_delete AFTER DELETE ON open_key_rollups REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION open_key_region_rollups_on_delete();

CREATE TRIGGER open_key_region_rollups_truncate AFTER TRUNCATE ON open_key_rollups
  FOR EACH STATEMENT EXECUTE FUNCTION open_key_region_rollups_on_truncate();


-- Backfill from the findings already cached (the triggers above fill open_key_region_rollups).
INSERT INTO open_key_rollups (finding_key, region, account_id, findings, findings_idle, critical, critical_idle, high, high_idle, exploitable, exploitable_idle, exploitable_critical, exploitable_critical_idle, exploitable_high, exploitable_high_idle)
SELECT finding_key, rg.r, account_id,
  (count(*) FILTER (WHERE NOT i))::int, (count(*) FILTER (WHERE i))::int,
  (count(*) FILTER (WHERE NOT i AND severity = 'CRITICAL'))::int, (count(*) FILTER (WHERE i AND severity = 'CRITICAL'))::int,
  (count(*) FILTER (WHERE NOT i AND severity = 'HIGH'))::int, (count(*) FILTER (WHERE i AND severity = 'HIGH'))::int,
  (count(*) FILTER (WHERE NOT i AND exploit_available = 'YES'))::int, (count(*) FILTER (WHERE i AND exploit_available = 'YES'))::int,
  (count(*) FILTER (WHERE NOT i AND exploit_available = 'YES' AND severity = 'CRITICAL'))::int, (count(*) FILTER (WHERE i AND exploit_available = 'YES' AND severity = 'CRITICAL'))::int,
  (count(*) FILTER (WHERE NOT i AND exploit_available = 'YES' AND severity = 'HIGH'))::int, (count(*) FILTER (WHERE i AND exploit_available = 'YES' AND severity = 'HIGH'))::int
FROM (SELECT finding_key, region, account_id, severity, exploit_available,
        coalesce(resource_type = 'AWS_ECR_CONTAINER_IMAGE' AND in_use_count = 0, false) AS i
      FROM findings WHERE status = 'ACTIVE') f
CROSS JOIN LATERAL (VALUES (f.region), ('')) AS rg(r)
GROUP BY 1, 2, 3
ORDER BY 1, 2, 3;
