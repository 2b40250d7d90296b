// Fills a large bench database from a seeded smaller one, in a fraction of a full seed's time and
// without its ~40 GB of temporary files: the source database is cloned (CREATE DATABASE … TEMPLATE)
// and its findings copied `--copies` − 1 more times under new ARNs, accounts and resource ids. Each
// copy's resources parts of the raw JSON (finding_raw_parts) are rewritten for its resource and
// account ids and addressed by their new text, as the sync's split would store them; the vulnerability
// parts stay shared, as they are across accounts. Events, coverage, accounts and daily snapshots are
// copied alike; the rollups and resource names fill through the findings triggers as in a sync.
// Copy k goes to account group k mod --account-groups (group 0 is the source's accounts), so
// `--copies 10 --account-groups 5` makes 10M findings over 5,000 accounts from 1M over 1,000.
// Usage (seed the source first with seed-views.ts):
//   BENCH_SERVER_URL=… npx tsx lib/queries/bench/seed-replicate.ts --from inspectorate_bench_1m --db inspectorate_bench_10m --copies 10 --account-groups 5
import pg from "pg";
import { benchServer, databaseUrl } from "./seed-views";
import { dropLoadIndexes, restoreLoadIndexes } from "./seed-indexes";

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const v = i > 0 ? process.argv[i + 1] : fallback;
  if (v === undefined) throw new Error(`--${name} is required`);
  return v;
}
const identifier = (name: string, v: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(v)) throw new Error(`--${name} must be a plain lower-case identifier`);
  return v;
};

// Session functions (pg_temp): the account of group g, a copy's resource id and a copy's finding ARN.
// A resource id that names no account (an EC2 instance id), or a copy beyond the first round of
// groups, gets the copy's number appended so that no two copies share a resource.
const FUNCTIONS = [
  `CREATE FUNCTION pg_temp.acct(a text, g int) RETURNS text IMMUTABLE LANGUAGE sql AS
     $$ SELECT CASE WHEN g = 0 THEN a ELSE (a::bigint + g::bigint * 100000000000)::text END $$`,
  `CREATE FUNCTION pg_temp.rid(r text, a text, k int, groups int) RETURNS text IMMUTABLE LANGUAGE sql AS
     $$ SELECT CASE WHEN k = 0 THEN r ELSE replace(r, a, pg_temp.acct(a, k % groups))
          || CASE WHEN position(a IN r) = 0 OR k >= groups THEN '-' || k ELSE '' END END $$`,
  `CREATE FUNCTION pg_temp.farn(arn text, region text, a text, k int, groups int) RETURNS text IMMUTABLE LANGUAGE sql AS
     $$ SELECT 'arn:aws:inspector2:' || region || ':' || pg_temp.acct(a, k % groups) || ':finding/' || md5(arn || k) $$`,
  // A copy's resources part: the source part's text for the copy's resource and account.
  `CREATE FUNCTION pg_temp.part(doc text, r text, a text, k int, groups int) RETURNS text IMMUTABLE LANGUAGE sql AS
     $$ SELECT replace(replace(doc, r, pg_temp.rid(r, a, k, groups)), a, pg_temp.acct(a, k % groups)) $$`,
];

async function columns(client: pg.Client, table: string, except: string[] = []): Promise<string[]> {
  const { rows } = await client.query<{ c: string }>(
    `SELECT column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`, [table]);
  return rows.map((r) => r.c).filter((c) => !except.includes(c));
}

/** INSERT INTO table SELECT its columns FROM `from`, with some columns replaced by expressions. */
async function copyRows(client: pg.Client, table: string, from: string, replaced: Record<string, string>, params: unknown[], except: string[] = []): Promise<number> {
  const cols = await columns(client, table, except);
  const select = cols.map((c) => (replaced[c] ? `${replaced[c]} AS ${c}` : `s.${c}`)).join(", ");
  const res = await client.query(`INSERT INTO ${table} (${cols.join(", ")}) SELECT ${select} FROM ${from}`, params);
  return res.rowCount ?? 0;
}

async function timed<T>(label: string, f: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const out = await f();
  console.log(`${label.padEnd(34)} ${typeof out === "number" ? String(out).padStart(9) : ""} ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return out;
}

async function main() {
  const from = identifier("from", arg("from"));
  const name = identifier("db", arg("db"));
  const copies = Number(arg("copies", "10"));
  const groups = Number(arg("account-groups", "5"));
  if (!Number.isInteger(copies) || copies < 2 || !Number.isInteger(groups) || groups < 1 || groups > copies || groups > 8) {
    throw new Error("--copies must be an integer ≥ 2 and --account-groups an integer from 1 to min(copies, 8)");
  }
  const admin = new pg.Client({ connectionString: benchServer });
  await admin.connect();
  await timed("clone", async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`); // names checked above
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${from}`);
  });
  await admin.end();
  const client = new pg.Client({ connectionString: databaseUrl(name) });
  await client.connect();
  await client.query("SET synchronous_commit = off");
  await client.query("SET maintenance_work_mem = '1GB'");
  for (const f of FUNCTIONS) await client.query(f);
  // Secondary indexes are built once at the end; the findings' primary key stays (other tables' keys refer to it).
  const restore = await dropLoadIndexes(client, ["findings", "finding_events", "covered_resources", "daily_snapshots"], ["findings", "finding_events"]);
  // The source rows: every copy is made from them.
  const { rows: [max] } = await client.query<{ finding: string; event: string }>(
    "SELECT (SELECT max(id) FROM findings)::text AS finding, (SELECT coalesce(max(id), 0) FROM finding_events)::text AS event");
  await client.query("CREATE TEMP TABLE source_coverage AS SELECT * FROM covered_resources");
  await client.query("CREATE TEMP TABLE source_snapshots AS SELECT * FROM daily_snapshots");

  for (let g = 1; g < groups; g++) {
    await timed(`accounts of group ${g}`, async () => {
      // The source's accounts are the ones below group 1's ids.
      let n = await copyRows(client, "accounts", "accounts s WHERE s.id::bigint < 200000000000",
        { id: "pg_temp.acct(s.id, $1::int)", name: "s.name || '-' || $1::int" }, [g]);
      n += await copyRows(client, "account_regions", "account_regions s WHERE s.account_id::bigint < 200000000000",
        { account_id: "pg_temp.acct(s.account_id, $1::int)" }, [g]);
      n += await copyRows(client, "daily_snapshots", "source_snapshots s", { account_id: "pg_temp.acct(s.account_id, $1::int)" }, [g]);
      return n;
    });
  }
  const part = "pg_temp.part(p.doc, s.resource_id, s.account_id, $1::int, $2::int)";
  for (let k = 1; k < copies; k++) {
    const params = [k, groups, max.finding];
    await timed(`copy ${k}: resources parts`, () => client.query(
      `INSERT INTO finding_raw_parts (id, doc)
       SELECT DISTINCT ON (md5(d)) md5(d)::uuid, d FROM (
         SELECT DISTINCT ${part} AS d FROM findings s JOIN finding_raw_parts p ON p.id = s.raw_resources_part WHERE s.id <= $3::bigint) x
       ON CONFLICT (id) DO NOTHING`, params).then((r) => r.rowCount ?? 0));
    await timed(`copy ${k}: findings`, () => copyRows(client, "findings",
      "findings s LEFT JOIN finding_raw_parts p ON p.id = s.raw_resources_part WHERE s.id <= $3::bigint", {
        arn: "pg_temp.farn(s.arn, s.region, s.account_id, $1::int, $2::int)",
        account_id: "pg_temp.acct(s.account_id, $1::int % $2::int)",
        resource_id: "pg_temp.rid(s.resource_id, s.account_id, $1::int, $2::int)",
        raw_resources_part: `CASE WHEN p.doc IS NULL THEN NULL ELSE md5(${part})::uuid END`,
      }, params, ["id"]));
    await timed(`copy ${k}: events`, () => copyRows(client, "finding_events",
      "finding_events s JOIN findings f ON f.arn = s.finding_arn WHERE s.id <= $3::bigint AND f.id <= $4::bigint",
      { finding_arn: "pg_temp.farn(s.finding_arn, f.region, f.account_id, $1::int, $2::int)" }, [k, groups, max.event, max.finding], ["id"]));
    await timed(`copy ${k}: coverage`, () => copyRows(client, "covered_resources", "source_coverage s", {
      account_id: "pg_temp.acct(s.account_id, $1::int % $2::int)", resource_id: "pg_temp.rid(s.resource_id, s.account_id, $1::int, $2::int)",
    }, [k, groups]));
  }
  await timed("indexes rebuilt", async () => {
    await restoreLoadIndexes(client, restore);
    return restore.length;
  });
  await timed("vacuum analyze", () => client.query("VACUUM ANALYZE"));
  const { rows: [counts] } = await client.query(`SELECT (SELECT count(*) FROM accounts)::int AS accounts, (SELECT count(*) FROM findings)::int AS findings,
    (SELECT count(*) FROM finding_events)::int AS events, (SELECT count(*) FROM finding_raw_parts)::int AS parts,
    (SELECT count(*) FROM covered_resources)::int AS coverage, pg_database_size(current_database()) AS bytes`);
  console.log({ ...counts, perFinding: Math.round(Number(counts.bytes) / counts.findings) });
  await client.end();
  console.log(`DATABASE_URL=${databaseUrl(name)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
