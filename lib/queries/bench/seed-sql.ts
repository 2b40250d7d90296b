// SQL that fills a migrated database with a synthetic organization shaped like a synced one:
// accounts, per-region state, a CVE catalogue, findings with complete raw Inspector JSON, events,
// coverage, snapshots and sync runs. Generated inside Postgres (generate_series) so a million
// findings load in minutes. $1 = accounts, $2 = findings; setseed keeps runs repeatable.
import { lifecycleText } from "@/lib/queries/lifecycle-sql";

export const regions = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2"];

export const seedSteps: { name: string; sql: string }[] = [
  { name: "reset", sql: `TRUNCATE accounts, account_regions, findings, finding_raw_parts, finding_events, covered_resources, sync_runs, daily_snapshots, coverage_snapshots CASCADE; SELECT setseed(0.42)` },
  {
    name: "accounts",
    sql: `INSERT INTO accounts (id, name, email, org_status, ou_id, ou_name, owner, team, joined_at, last_seen_at)
      SELECT lpad((100000000000 + a * 7919)::text, 12, '0'),
        (ARRAY['payments','checkout','search','identity','data','ml','web','mobile','billing','ledger','ads','media'])[1 + a % 12] || '-' ||
          (ARRAY['prod','staging','dev','sandbox'])[1 + (a / 12) % 4] || CASE WHEN a >= 48 THEN '-' || a ELSE '' END,
        'aws+' || a || '@example.com', 'ACTIVE', 'ou-' || (a % 6),
        (ARRAY['Production','Staging','Development','Sandbox','Security','Shared Services'])[1 + a % 6],
        (ARRAY['alice','bruno','chen','dara','emeka','fatima','giulia','hiro','ines','jonas'])[1 + a % 10] || '@example.com',
        (ARRAY['Platform','Payments','Data','Growth','Security'])[1 + a % 5],
        now() - (a % 900) * interval '1 day', now()
      FROM generate_series(0, $1::int - 1) a`,
  },
  {
    name: "account_regions",
    sql: `INSERT INTO account_regions (account_id, region, relationship_status, inspector_status, ec2_status, ecr_status, lambda_status, lambda_code_status, sync_status, sync_error, last_synced_at, last_seen_at)
      SELECT a.id, r, CASE WHEN x < 0.02 THEN 'CREATED' ELSE 'ENABLED' END,
        CASE WHEN x < 0.03 THEN 'DISABLED' WHEN x < 0.04 THEN 'SUSPENDED' ELSE 'ENABLED' END,
        CASE WHEN x < 0.04 THEN 'DISABLED' ELSE 'ENABLED' END, CASE WHEN x < 0.06 THEN 'DISABLED' ELSE 'ENABLED' END,
        CASE WHEN x < 0.08 THEN 'DISABLED' ELSE 'ENABLED' END, CASE WHEN x < 0.30 THEN 'DISABLED' ELSE 'ENABLED' END,
        CASE WHEN x < 0.03 THEN 'INSPECTOR_DISABLED' WHEN x > 0.985 THEN 'ACCESS_DENIED' ELSE 'OK' END,
        CASE WHEN x > 0.985 THEN 'AccessDeniedException: not authorized to perform inspector2:ListFindings' END,
        now() - interval '20 minutes', now()
      FROM accounts a CROSS JOIN unnest(ARRAY['${regions.join("','")}']) r CROSS JOIN LATERAL (SELECT random() + 0 * length(a.id) AS x) rx`,
  },
  {
    name: "catalogue",
    sql: `DROP TABLE IF EXISTS seed_tpl; CREATE UNLOGGED TABLE seed_tpl AS
      SELECT t AS idx, CASE WHEN t >= 392 THEN 'CODE_VULNERABILITY' WHEN t >= 380 THEN 'NETWORK_REACHABILITY' ELSE 'PACKAGE_VULNERABILITY' END AS type,
        'CVE-' || (2019 + t % 7) || '-' || (1000 + (t * 7331) % 48000) AS cve,
        (ARRAY['openssl','glibc','curl','zlib','log4j-core','lodash','requests','urllib3','jackson-databind','spring-core','express','golang.org/x/net','libxml2','sudo','openssh-client','bash','systemd','python3.11','nodejs','tomcat-embed-core'])[1 + t % 20] AS pkg,
        (ARRAY['OS','OS','OS','OS','JAR','NPM','PIP','PIP','JAR','JAR','NPM','GOMOD','OS','OS','OS','OS','OS','OS','OS','JAR'])[1 + t % 20] AS manager,
        CASE WHEN s < 0.08 THEN 'CRITICAL' WHEN s < 0.35 THEN 'HIGH' WHEN s < 0.75 THEN 'MEDIUM' WHEN s < 0.95 THEN 'LOW' WHEN s < 0.98 THEN 'INFORMATIONAL' ELSE 'UNTRIAGED' END AS severity,
        s, power(random(), 5) AS epss, random() < 0.12 AS exploit, CASE WHEN random() < 0.7 THEN 'YES' WHEN random() < 0.6 THEN 'NO' ELSE 'PARTIAL' END AS fix,
        (1 + t % 9) || '.' || (t % 13) || '.' || (t % 7) AS version
      FROM (SELECT t, random() AS s FROM generate_series(0, 399) t) x;
      ALTER TABLE seed_tpl ADD COLUMN score float8; UPDATE seed_tpl SET score = round((CASE severity WHEN 'CRITICAL' THEN 9.0 + random() WHEN 'HIGH' THEN 7.0 + 2 * random()
        WHEN 'MEDIUM' THEN 4.0 + 3 * random() WHEN 'LOW' THEN 0.1 + 3.8 * random() ELSE NULL END)::numeric, 1)`,
  },
  {
    name: "findings",
    sql: `INSERT INTO findings (arn, account_id, region, type, title, severity, status, inspector_score, cvss_score, epss_score,
        exploit_available, fix_available, vulnerability_id, package_names, resource_type, resource_id, resource_name, resource_tags,
        ami_id, ecr_repository, ecr_image_hash, first_observed_at, last_observed_at, updated_at, closed_at, exploit_since, raw,
        finding_key, exploit_since_source)
      SELECT g.arn, g.account_id, g.region, t.type, g.title, t.severity, g.status, g.score, t.score, g.epss,
        CASE WHEN g.exploit THEN 'YES' WHEN t.type = 'PACKAGE_VULNERABILITY' THEN 'NO' END, g.fix, g.vuln, g.package_names,
        g.rtype, g.rid, g.rname, g.tags, g.ami, g.repo, g.digest,
        g.first, g.first + interval '2 hours', g.updated, g.closed, g.exploit_since,
        jsonb_build_object('findingArn', g.arn, 'awsAccountId', g.account_id, 'type', t.type, 'title', g.title, 'description', g.description,
          'severity', t.severity, 'status', g.status, 'firstObservedAt', extract(epoch FROM g.first), 'lastObservedAt', extract(epoch FROM g.first + interval '2 hours'),
          'updatedAt', extract(epoch FROM g.updated), 'remediation', jsonb_build_object('recommendation', jsonb_build_object('text', CASE WHEN t.type = 'NETWORK_REACHABILITY'
            THEN 'You can restrict access to your instance by modifying the Security Groups or ACLs in the network path.' ELSE 'None Provided' END,
            'Url', 'https://docs.aws.amazon.com/inspector/latest/user/findings-types.html')),
          'resources', jsonb_build_array(jsonb_build_object('type', g.rtype, 'id', g.rid, 'partition', 'aws', 'region', g.region, 'tags', g.tags, 'details', g.details)))
        || CASE t.type WHEN 'PACKAGE_VULNERABILITY' THEN jsonb_build_object(
            'inspectorScore', g.score, 'fixAvailable', g.fix, 'exploitAvailable', CASE WHEN g.exploit THEN 'YES' ELSE 'NO' END, 'epss', jsonb_build_object('score', g.epss),
            'inspectorScoreDetails', jsonb_build_object('adjustedCvss', jsonb_build_object('scoreSource', 'NVD', 'cvssSource', 'NVD', 'version', '3.1', 'score', t.score,
              'scoringVector', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'adjustments', '[]'::jsonb)),
            'packageVulnerabilityDetails', jsonb_build_object('vulnerabilityId', t.cve, 'source', 'NVD', 'vulnerablePackages', g.packages,
              'cvss', jsonb_build_array(jsonb_build_object('baseScore', t.score, 'scoringVector', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'version', '3.1', 'source', 'NVD')),
              'sourceUrl', 'https://nvd.nist.gov/vuln/detail/' || t.cve, 'referenceUrls', jsonb_build_array('https://www.cve.org/CVERecord?id=' || t.cve), 'vendorSeverity', lower(t.severity)))
            || CASE WHEN g.exploit THEN jsonb_build_object('exploitabilityDetails', jsonb_build_object('lastKnownExploitAt', extract(epoch FROM g.exploit_since))) ELSE '{}'::jsonb END
          WHEN 'NETWORK_REACHABILITY' THEN jsonb_build_object('networkReachabilityDetails', jsonb_build_object('openPortRange', jsonb_build_object('begin', 22, 'end', 22), 'protocol', 'TCP',
            'networkPath', jsonb_build_object('steps', jsonb_build_array(jsonb_build_object('componentId', 'igw-0' || left(md5(g.account_id), 16), 'componentType', 'AWS::EC2::InternetGateway'),
              jsonb_build_object('componentId', 'acl-0' || left(md5(g.account_id || 'acl'), 16), 'componentType', 'AWS::EC2::NetworkAcl'),
              jsonb_build_object('componentId', 'sg-0' || left(md5(g.rid), 16), 'componentType', 'AWS::EC2::SecurityGroup'),
              jsonb_build_object('componentId', g.rid, 'componentType', 'AWS::EC2::Instance')))))
          ELSE jsonb_build_object('codeVulnerabilityDetails', jsonb_build_object('filePath', jsonb_build_object('fileName', 'handler.py', 'filePath', 'src/handler.py', 'startLine', 40 + t.idx, 'endLine', 43 + t.idx),
            'detectorName', 'SQL injection', 'detectorId', 'python/sql-injection@v1.0', 'ruleId', 'python-sql-injection', 'cwes', jsonb_build_array('CWE-89'), 'detectorTags', jsonb_build_array('injection', 'sql')))
        END,
        CASE t.type WHEN 'PACKAGE_VULNERABILITY' THEN t.cve WHEN 'NETWORK_REACHABILITY' THEN 'network:TCP:22-22' ELSE 'code:python/sql-injection@v1.0:CWE-89' END,
        CASE WHEN g.exploit THEN 'LAST_KNOWN_EXPLOIT' END
      FROM (
        SELECT p.*, t.idx AS tidx, 'arn:aws:inspector2:' || p.region || ':' || p.account_id || ':finding/' || md5(p.i::text) AS arn,
          CASE WHEN t.type = 'PACKAGE_VULNERABILITY' THEN t.cve || ' - ' || t.pkg WHEN t.type = 'NETWORK_REACHABILITY' THEN 'Port 22 is reachable from an Internet Gateway - TCP'
            ELSE 'CWE-89 - SQL injection' END AS title,
          CASE WHEN t.type = 'PACKAGE_VULNERABILITY' THEN 'A flaw in ' || t.pkg || ' allows a remote attacker to cause memory corruption or execute code via crafted input.'
            WHEN t.type = 'NETWORK_REACHABILITY' THEN 'On the instance, TCP port 22 is reachable from the internet through an attached internet gateway.'
            ELSE 'User input reaches a SQL query without sanitisation.' END AS description,
          CASE WHEN t.type = 'PACKAGE_VULNERABILITY' THEN t.cve END AS vuln,
          CASE WHEN t.type = 'PACKAGE_VULNERABILITY' THEN t.score END AS score,
          CASE WHEN t.type = 'PACKAGE_VULNERABILITY' THEN round(t.epss::numeric, 5)::float8 END AS epss,
          t.type = 'PACKAGE_VULNERABILITY' AND t.exploit AS exploit,
          CASE WHEN t.type = 'PACKAGE_VULNERABILITY' THEN t.fix END AS fix,
          CASE WHEN t.type = 'PACKAGE_VULNERABILITY' THEN jsonb_build_array(jsonb_build_object('name', t.pkg, 'version', t.version, 'packageManager', t.manager,
            'fixedInVersion', CASE WHEN t.fix = 'NO' THEN 'NotAvailable' ELSE t.version || '.1' END,
            'remediation', CASE WHEN t.fix = 'NO' THEN 'None Provided' WHEN t.manager = 'OS' THEN 'yum update ' || t.pkg ELSE 'Upgrade ' || t.pkg || ' to ' || t.version || '.1' END))
            ELSE '[]'::jsonb END AS packages,
          CASE WHEN t.type = 'PACKAGE_VULNERABILITY' THEN ARRAY[t.pkg] ELSE ARRAY[]::text[] END AS package_names,
          CASE WHEN p.exploit_roll AND t.exploit THEN p.first + interval '3 days' END AS exploit_since
        FROM (
          SELECT q.*, a.id AS account_id, reg.region,
            CASE q.rk WHEN 0 THEN 'AWS_EC2_INSTANCE' WHEN 1 THEN 'AWS_ECR_CONTAINER_IMAGE' ELSE 'AWS_LAMBDA_FUNCTION' END AS rtype,
            CASE q.rk WHEN 0 THEN 'i-0' || left(md5(a.id || q.r), 16)
              WHEN 1 THEN 'arn:aws:ecr:' || reg.region || ':' || a.id || ':repository/app-' || (q.r % 7) || '/sha256:' || md5(a.id || q.r) || md5(q.r || a.id)
              ELSE 'arn:aws:lambda:' || reg.region || ':' || a.id || ':function:fn-' || q.r || ':$LATEST' END AS rid,
            CASE q.rk WHEN 0 THEN 'web-' || q.r WHEN 1 THEN 'app-' || (q.r % 7) ELSE 'fn-' || q.r END AS rname,
            jsonb_build_object('env', (ARRAY['prod','staging','dev'])[1 + q.r % 3], 'team', (ARRAY['platform','payments','data'])[1 + q.r % 3]) AS tags,
            CASE q.rk WHEN 0 THEN 'ami-0' || left(md5((q.r % 9)::text), 16) END AS ami,
            CASE q.rk WHEN 1 THEN 'app-' || (q.r % 7) END AS repo,
            CASE q.rk WHEN 1 THEN 'sha256:' || md5(a.id || q.r) || md5(q.r || a.id) END AS digest,
            CASE q.rk WHEN 0 THEN jsonb_build_object('awsEc2Instance', jsonb_build_object('type', 'm6i.large', 'imageId', 'ami-0' || left(md5((q.r % 9)::text), 16), 'platform', 'AMAZON_LINUX_2023',
                'vpcId', 'vpc-0' || left(md5(a.id), 16), 'subnetId', 'subnet-0' || left(md5(a.id || 's'), 16), 'ipV4Addresses', jsonb_build_array('10.0.' || (q.r % 255) || '.' || (q.r * 7 % 255)), 'launchedAt', q.resource_born))
              WHEN 1 THEN jsonb_build_object('awsEcrContainerImage', jsonb_build_object('repositoryName', 'app-' || (q.r % 7), 'imageHash', 'sha256:' || md5(a.id || q.r) || md5(q.r || a.id),
                'registry', a.id, 'imageTags', jsonb_build_array('v1.' || q.r), 'architecture', 'amd64', 'pushedAt', q.resource_born))
              ELSE jsonb_build_object('awsLambdaFunction', jsonb_build_object('functionName', 'fn-' || q.r, 'runtime', 'PYTHON_3_11', 'version', '$LATEST', 'codeSha256', md5(q.r::text),
                'executionRoleArn', 'arn:aws:iam::' || a.id || ':role/fn-' || q.r, 'packageType', 'ZIP', 'architectures', jsonb_build_array('X86_64'))) END AS details,
            CASE WHEN q.sr < 0.62 THEN 'ACTIVE' WHEN q.sr < 0.9 THEN 'CLOSED' ELSE 'SUPPRESSED' END AS status,
            CASE WHEN q.sr >= 0.62 AND q.sr < 0.9 THEN q.first + (q.age_days * random()) * interval '1 day' END AS closed,
            q.first + interval '1 day' * least(q.age_days, 3) AS updated
          FROM (
            SELECT i, floor($1::int * power(random(), 1.6))::int AS acct, floor(random() * 60)::int AS r, random() AS sr, random() < 0.5 AS exploit_roll,
              now() - (power(random(), 2) * 400) * interval '1 day' AS first, random() AS tr, random() AS kind_roll
            FROM generate_series(1, $2::int) i) q0
          CROSS JOIN LATERAL (SELECT q0.*, CASE WHEN q0.r % 10 < 5 THEN 0 WHEN q0.r % 10 < 8 THEN 1 ELSE 2 END AS rk,
            extract(epoch FROM now() - q0.first) / 86400 AS age_days,
            -- When the resource was launched or pushed: the resource's (account and number), the same in
            -- each of its findings, as Inspector and the emulator give it (not each finding's own time).
            1700000000 + abs(hashtext(q0.acct || ':' || q0.r)) % 30000000 AS resource_born) q
          JOIN accounts a ON a.id = lpad((100000000000 + q.acct * 7919)::text, 12, '0')
          CROSS JOIN LATERAL (SELECT (ARRAY['${regions.join("','")}'])[1 + (q.r * 7 + q.acct) % 4] AS region) reg
        ) p
        JOIN seed_tpl t ON t.idx = CASE WHEN p.rk = 0 AND p.kind_roll < 0.06 THEN 380 + (p.i % 12) WHEN p.rk = 2 AND p.kind_roll < 0.1 THEN 392 + (p.i % 8)
          ELSE floor(380 * power(p.tr, 1.4))::int END
      ) g JOIN seed_tpl t ON t.idx = g.tidx
      ON CONFLICT (arn) DO NOTHING`,
  },
  {
    name: "finding_events",
    sql: `INSERT INTO finding_events (finding_arn, at, kind, from_value, to_value)
        SELECT arn, closed_at, 'STATUS', 'ACTIVE', 'CLOSED' FROM findings WHERE closed_at IS NOT NULL
      UNION ALL SELECT arn, updated_at, 'STATUS', 'ACTIVE', 'SUPPRESSED' FROM findings WHERE ${lifecycleText("suppressed")}
      UNION ALL SELECT arn, exploit_since, 'EXPLOITABLE', 'NO', 'YES' FROM findings WHERE exploit_since IS NOT NULL;
      INSERT INTO finding_events (finding_arn, at, kind, from_value, to_value)
        SELECT arn, first_observed_at + interval '5 days', 'STATUS', 'ACTIVE', 'CLOSED' FROM findings WHERE ${lifecycleText("open")} AND first_observed_at < now() - interval '20 days' AND md5(arn) < '08'
      UNION ALL SELECT arn, first_observed_at + interval '9 days', 'STATUS', 'CLOSED', 'ACTIVE' FROM findings WHERE ${lifecycleText("open")} AND first_observed_at < now() - interval '20 days' AND md5(arn) < '08'`,
  },
  {
    name: "covered_resources",
    sql: `INSERT INTO covered_resources (account_id, region, resource_type, resource_id, scan_type, scan_status_code, scan_status_reason, scan_mode, last_scanned_at, resource_name, metadata)
      SELECT DISTINCT ON (f.region, f.resource_id) f.account_id, f.region, f.resource_type, f.resource_id, 'PACKAGE',
        CASE WHEN x < 0.88 THEN 'ACTIVE' ELSE 'INACTIVE' END,
        CASE WHEN x < 0.85 THEN 'SUCCESSFUL' WHEN x < 0.88 THEN CASE f.resource_type WHEN 'AWS_ECR_CONTAINER_IMAGE' THEN 'SCAN_FREQUENCY_SCAN_ON_PUSH' ELSE 'SCAN_IN_PROGRESS' END
          ELSE (CASE f.resource_type WHEN 'AWS_EC2_INSTANCE' THEN ARRAY['UNMANAGED_EC2_INSTANCE','UNMANAGED_EC2_INSTANCE','EC2_INSTANCE_STOPPED','UNSUPPORTED_OS','NO_INVENTORY','STALE_INVENTORY','EXCLUDED_BY_TAG']
            WHEN 'AWS_ECR_CONTAINER_IMAGE' THEN ARRAY['SCAN_ELIGIBILITY_EXPIRED','SCAN_ELIGIBILITY_EXPIRED','IMAGE_SIZE_EXCEEDED','UNSUPPORTED_MEDIA_TYPE','PENDING_INITIAL_SCAN']
            ELSE ARRAY['UNSUPPORTED_RUNTIME','UNSUPPORTED_RUNTIME','PENDING_INITIAL_SCAN','ACCESS_DENIED'] END)[1 + floor(random() * 4)::int] END,
        CASE f.resource_type WHEN 'AWS_EC2_INSTANCE' THEN 'EC2_SSM_AGENT_BASED' END, now() - random() * interval '2 days', f.resource_name, '{}'::jsonb
      FROM (SELECT *, random() AS x FROM findings) f ORDER BY f.region, f.resource_id;
      INSERT INTO covered_resources (account_id, region, resource_type, resource_id, scan_type, scan_status_code, scan_status_reason, last_scanned_at, resource_name)
      SELECT account_id, region, resource_type, resource_id, 'CODE', CASE WHEN random() < 0.8 THEN 'ACTIVE' ELSE 'INACTIVE' END, 'SUCCESSFUL', last_scanned_at, resource_name
      FROM covered_resources WHERE resource_type = 'AWS_LAMBDA_FUNCTION' AND scan_type = 'PACKAGE';
      UPDATE covered_resources SET scan_status_reason = 'UNSUPPORTED_LANGUAGE' WHERE scan_type = 'CODE' AND scan_status_code = 'INACTIVE'`,
  },
  {
    name: "snapshots_and_runs",
    sql: `INSERT INTO daily_snapshots (day, account_id, severity, open, opened, closed)
      SELECT d::date, a.id, s, greatest(0, (c.n * (0.8 + 0.2 * (d::date - (current_date - 90)) / 90.0) + 3 * sin(extract(doy FROM d) / 3.0))::int), (random() * 3)::int, (random() * 3)::int
      FROM accounts a CROSS JOIN generate_series(current_date - 90, current_date, interval '1 day') d
      CROSS JOIN unnest(ARRAY['CRITICAL','HIGH','MEDIUM','LOW']) s
      LEFT JOIN (SELECT account_id, severity, count(*) AS n FROM findings WHERE ${lifecycleText("open")} GROUP BY 1, 2) c0 ON c0.account_id = a.id AND c0.severity = s
      CROSS JOIN LATERAL (SELECT coalesce(c0.n, 0) AS n) c;
      INSERT INTO sync_runs (trigger, started_at, finished_at, outcome, mode, findings_upserted, coverage_upserted, api_requests, throttled)
      SELECT CASE WHEN k = 0 THEN 'manual' ELSE 'schedule' END, now() - k * interval '1 hour' - interval '20 minutes', now() - k * interval '1 hour' - interval '12 minutes',
        CASE WHEN k = 2 THEN 'PARTIAL' ELSE 'SUCCEEDED' END, CASE WHEN k = 5 THEN 'FULL' ELSE 'INCREMENTAL' END, 1000 + k * 37, 200 + k, 900 + k * 11, k % 3
      FROM generate_series(0, 5) k;
      INSERT INTO sync_region_results (run_id, region, status, findings_seen, pages, coverage_seen, duration_ms, watermark_from, watermark_to)
      SELECT r.id, reg, 'OK', 250, 3, 60, 40000, r.started_at - interval '1 hour', r.started_at FROM sync_runs r CROSS JOIN unnest(ARRAY['${regions.join("','")}']) reg;
      INSERT INTO sync_account_results (run_id, account_id, region, status, error, findings, integrity_match, cache_counts, api_counts)
      SELECT (SELECT id FROM sync_runs ORDER BY started_at DESC LIMIT 1), ar.account_id, ar.region, CASE WHEN ar.sync_status = 'ACCESS_DENIED' THEN 'ACCESS_DENIED' ELSE 'OK' END, ar.sync_error,
        0, CASE WHEN ar.sync_status = 'OK' THEN true END, NULL, NULL FROM account_regions ar`,
  },
  { name: "cleanup", sql: `DROP TABLE IF EXISTS seed_tpl` },
];
