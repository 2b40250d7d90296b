// Server-time benchmark of the posture views against a seeded database (see seed-views.ts).
//   DATABASE_URL=postgresql://…/inspectorate_bench npx tsx lib/queries/bench/views-bench.ts [--runs 30] [--slow-runs 3]
// Prints p50/p95 per view and the CSV export's time and peak RSS. Figures go to docs/benchmarks.md.
// --overview-only stops after the overview, which is measured with its counts from the rollups and,
// for comparison, counted over the findings (the path before rollups). --export-only measures only
// the CSV export, in a fresh process (a full run's views leave their heap behind it). --groups-only
// measures only the explorer's grouped views, with the CVE groups also counted over the findings (the
// path before the key rollups) for comparison. --explorer-only measures only its filtered pages.
import { db, openedReadDatabase } from "@/lib/db/client";
import { allScope } from "@/lib/queries/scope";
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";
import { getExplorerResult } from "@/lib/queries/findings/explorer-result";
import { currentFindingsIndex, refreshFindingsIndex } from "@/lib/queries/findings/findings-index";
import { groupFindingsOverFindings } from "@/lib/queries/findings/findings-groups";
import { scopeHash, sumAskedScopes } from "@/lib/queries/findings/scope-key-rollups";
import { getFindingDetail, getOtherResources } from "@/lib/queries/findings/finding-detail";
import { getEnablementSummary, getLastSync } from "@/lib/queries/posture/overview-tiles";
import { getOpenAggregates } from "@/lib/queries/posture/open-aggregates";
import { getHeatmapAccounts, getSeverityHeatmap } from "@/lib/queries/posture/severity-heatmap";
import { getTopRisks } from "@/lib/queries/posture/top-risks";
import { hasPostureData, listRegions } from "@/lib/queries/posture/has-data";
import { getCoverageMatrix } from "@/lib/queries/coverage/coverage-matrix";
import { createVersionMemo, syncDataVersion } from "@/lib/queries/posture/sync-version";
import { getUnscannedByReason } from "@/lib/queries/coverage/coverage-gaps";
import { Prisma, queryRows } from "@/lib/queries/sql";
import { GET as exportRoute } from "@/app/api/findings/export/route";
import { openSql } from "@/lib/queries/lifecycle-sql";
import { allowedHosts } from "@/lib/auth/request-checks";

const option = (name: string) => Number(process.argv[process.argv.indexOf(name) + 1]) || undefined;
const runs = option("--runs") ?? 30;
// The slow reference paths (counted over findings, top risks of one region) take tens of seconds a run at
// 10M findings: --slow-runs 3 measures them with 3 runs after one warm-up.
const slowRuns = option("--slow-runs") ?? runs;
const slowWarmups = slowRuns < runs ? 1 : 3;
const scope = allScope;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(name: string, fn: (i: number) => Promise<unknown>, n = runs, warmups = 3) {
  for (let i = 0; i < warmups; i++) await fn(i);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const row = { name, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
  console.log(`${name.padEnd(58)} p50 ${row.p50.toFixed(1).padStart(7)} ms   p95 ${row.p95.toFixed(1).padStart(7)} ms`);
  return row;
}

const filter = (qs: string) => parseFindingsFilter(new URLSearchParams(qs)).filter;

/** The explorer's grouped views (groups + total count), then the CVE groups counted over the findings. */
async function measureGrouped(pick: (i: number) => string, accounts: string[]) {
  const viewerOf = (n: number) => ({ accountIds: accounts.slice(0, n) });
  console.log("\nFindings explorer, grouped");
  const grouped = [
    await measure("group=cve (whole organization)", () => getExplorerResult(scope, filter("group=cve"))),
    await measure("group=cve, region=eu-west-1", () => getExplorerResult(scope, filter("group=cve&region=eu-west-1"))),
    await measure("group=cve, severity=CRITICAL", () => getExplorerResult(scope, filter("group=cve&severity=CRITICAL"))),
    await measure("group=package, account=X", (i) => getExplorerResult(scope, filter(`group=package&account=${pick(i)}`))),
    await measure("group=cve, a viewer of 10 accounts", () => getExplorerResult(viewerOf(10), filter("group=cve"))),
  ];
  // A viewer of half the accounts: their rows summed at each view until the warmer has summed the
  // scope (the first view records it), then the scope's sums (scope-key-rollups.ts).
  const half = viewerOf(accounts.length / 2);
  await measure("group=cve, a viewer of half the accounts, not summed yet", () => getExplorerResult(half, filter("group=cve")), slowRuns, slowWarmups);
  const summing = performance.now();
  const summed = await sumAskedScopes();
  console.log(`summing that scope's key rollups (the warmer, after a sync): ${summed} scope in ${(performance.now() - summing).toFixed(0)} ms`);
  grouped.push(
    await measure("group=cve, a viewer of half the accounts", () => getExplorerResult(half, filter("group=cve"))),
    await measure("group=cve, a viewer of half the accounts, region=eu-west-1", () => getExplorerResult(half, filter("group=cve&region=eu-west-1"))),
    await measure("group=cve, a viewer of half the accounts, severity=CRITICAL", () => getExplorerResult(half, filter("group=cve&severity=CRITICAL"))),
  );
  await queryRows(Prisma.sql`DELETE FROM scope_key_rollup_sets WHERE scope_hash = ${scopeHash(half.accountIds)}`, "primary");
  await measure("CVE groups only, a viewer of 10 accounts [findings]", () => groupFindingsOverFindings(viewerOf(10), { ...filter("group=cve"), group: "cve" }), slowRuns, slowWarmups);
  await measure("CVE groups only, a viewer of half the accounts [findings]", () => groupFindingsOverFindings(viewerOf(accounts.length / 2), { ...filter("group=cve"), group: "cve" }), slowRuns, slowWarmups);
  const over = (qs: string) => groupFindingsOverFindings(scope, { ...filter(qs), group: "cve" });
  await measure("CVE groups only, whole organization [findings]", () => over("group=cve"), slowRuns, slowWarmups);
  await measure("CVE groups only, region=eu-west-1 [findings]", () => over("group=cve&region=eu-west-1"), slowRuns, slowWarmups);
  await measure("CVE groups only, severity=CRITICAL [findings]", () => over("group=cve&severity=CRITICAL"), slowRuns, slowWarmups);
  return grouped;
}

/** The explorer's filtered pages (page of 50 + total count), and the unfiltered one beside them. */
async function measureExplorer(pick: (i: number) => string, resources: string[], cve: string) {
  console.log("\nFindings explorer (page of 50 + total count)");
  const explorer = [
    await measure("account=X (rotating)", (i) => getExplorerResult(scope, filter(`account=${pick(i)}`))),
    await measure("account=X & severity=CRITICAL", (i) => getExplorerResult(scope, filter(`account=${pick(i)}&severity=CRITICAL`))),
    await measure("severity=CRITICAL (org-wide)", () => getExplorerResult(scope, filter("severity=CRITICAL"))),
    await measure("exploit=YES & fix=YES", () => getExplorerResult(scope, filter("exploit=YES&fix=YES"))),
    await measure(`cve=${cve}`, () => getExplorerResult(scope, filter(`cve=${cve}`))),
    await measure("package=openssl & region=us-east-1", () => getExplorerResult(scope, filter("package=openssl&region=us-east-1"))),
    await measure("ou=Production & severity=HIGH, sort=epss", () => getExplorerResult(scope, filter("ou=Production&severity=HIGH&sort=epss"))),
    await measure("tag=env:prod & resourceType=AWS_EC2_INSTANCE", () => getExplorerResult(scope, filter("tag=env:prod&resourceType=AWS_EC2_INSTANCE"))),
    await measure("ageMin=180, sort=age", () => getExplorerResult(scope, filter("ageMin=180&sort=age"))),
    await measure("severity=HIGH, sort=severity", () => getExplorerResult(scope, filter("severity=HIGH&sort=severity"))),
    await measure("package=openssl & region=us-east-1, sort=age", () => getExplorerResult(scope, filter("package=openssl&region=us-east-1&sort=age"))),
    await measure("package=openssl & region=us-east-1, sort=epss", () => getExplorerResult(scope, filter("package=openssl&region=us-east-1&sort=epss"))),
    await measure("package=openssl-libs, sort=severity", () => getExplorerResult(scope, filter("package=openssl-libs&sort=severity"))),
    await measure("account=X & region=eu-west-1, sort=age", (i) => getExplorerResult(scope, filter(`account=${pick(i)}&region=eu-west-1&sort=age`))),
    await measure("resource=<an id> (rotating)", (i) => getExplorerResult(scope, filter(`resource=${encodeURIComponent(resources[i % resources.length])}`))),
    await measure("resource=<last 8 characters of an id> (rotating)", (i) => getExplorerResult(scope, filter(`resource=${encodeURIComponent(resources[(i + 7) % resources.length].slice(-8))}`))),
    // The rotation's broad member on its own: the suffix of every Lambda function's id.
    await measure("resource=:$LATEST (every Lambda function)", () => getExplorerResult(scope, filter(`resource=${encodeURIComponent(":$LATEST")}`))),
  ];
  const page2 = await getExplorerResult(scope, filter("severity=CRITICAL"));
  if (page2.kind === "list" && page2.nextCursor) explorer.push(await measure("severity=CRITICAL, page 2 (cursor)", () => getExplorerResult(scope, filter(`severity=CRITICAL&cursor=${page2.nextCursor}`))));
  const unfiltered = await measure("no filter (all open, by score) [not a filtered page]", () => getExplorerResult(scope, filter("")));
  return { explorer, unfiltered };
}

async function main() {
  const [{ n }] = await queryRows<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM findings`);
  const accounts = (await queryRows<{ id: string }>(Prisma.sql`SELECT id FROM accounts ORDER BY id`)).map((a) => a.id);
  const arns = (await queryRows<{ arn: string }>(Prisma.sql`SELECT arn FROM findings TABLESAMPLE SYSTEM (1) LIMIT 200`)).map((r) => r.arn);
  const resources = (await queryRows<{ id: string }>(Prisma.sql`SELECT resource_id AS id FROM findings TABLESAMPLE SYSTEM (1) LIMIT 200`)).map((r) => r.id);
  const cve = (await queryRows<{ v: string }>(Prisma.sql`SELECT vulnerability_id AS v FROM findings WHERE vulnerability_id IS NOT NULL AND ${openSql()} GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`))[0].v;
  console.log(`findings ${n}, accounts ${accounts.length}, runs per view ${runs}\n`);
  const pick = (i: number) => accounts[(i * 7919) % accounts.length];

  if (process.argv.includes("--export-only")) {
    // In a fresh process, as a server would export: the full run's earlier views leave their heap behind.
    const e = await benchExport(process.env.BENCH_EXPORT_FILTER ?? "severity=MEDIUM&region=eu-west-1&region=ap-southeast-2");
    console.log(`CSV export through GET /api/findings/export, fresh process: ${e.rows} rows, ${(e.bytes / 1e6).toFixed(1)} MB in ${(e.ms / 1000).toFixed(1)} s; RSS before ${e.rssBefore} MB, peak ${e.rssPeak} MB (< 300)`);
    await db().close();
    return;
  }
  // The explorer's findings index, read before measuring (as the app reads it after a run), so no
  // measured view shares the process with its read; none past INSPECTORATE_FINDINGS_INDEX_MAX. Not before
  // --export-only: its RSS is a fresh process's.
  const indexStarted = performance.now();
  await refreshFindingsIndex();
  const index = await currentFindingsIndex();
  console.log(index ? `findings index: ${index.size} findings, read in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s\n` : "findings index: none (more findings than INSPECTORATE_FINDINGS_INDEX_MAX): the database answers\n");
  if (process.argv.includes("--explorer-only")) {
    const { explorer } = await measureExplorer(pick, resources, cve);
    console.log(`\nFiltered explorer worst p95 ${Math.max(...explorer.map((e) => e.p95)).toFixed(0)} ms < 200`);
    await db().close();
    await openedReadDatabase()?.close();
    return;
  }
  if (process.argv.includes("--groups-only")) {
    const grouped = await measureGrouped(pick, accounts);
    console.log(`\nGrouped explorer worst p95 ${Math.max(...grouped.map((e) => e.p95)).toFixed(0)} ms < 200`);
    await db().close();
    await openedReadDatabase()?.close();
    return;
  }
  console.log("Overview (each query, then the page's queries in parallel as it renders them)");
  await measure("open aggregates (account/type/region x severity)", () => getOpenAggregates(scope, []));
  await measure("open aggregates, region filter", () => getOpenAggregates(scope, ["eu-west-1"]));
  await measure("heatmap accounts + sync problems", () => getHeatmapAccounts(scope, []));
  await measure("top risks", () => getTopRisks(scope, []));
  await measure("top risks within one region (not used by the page)", () => getTopRisks(scope, ["us-east-1"]), Math.min(10, slowRuns), slowWarmups);
  await measure("enablement + last sync", () => Promise.all([getEnablementSummary(scope, []), getLastSync(scope)]));
  const page = (regions: string[]) =>
    Promise.all([hasPostureData(scope), listRegions(scope), getOpenAggregates(scope, regions), getHeatmapAccounts(scope, regions), getEnablementSummary(scope, regions), getLastSync(scope), getTopRisks(scope, [])]);
  const overview = await measure("OVERVIEW PAGE (all its queries in parallel)", () => page([]));
  const overviewRegion = await measure("OVERVIEW PAGE, one region", () => page(["us-east-1"]));
  // What the page really does between syncs: the counts and top risks come from the version memo.
  const memo = createVersionMemo(syncDataVersion);
  const warmPage = (regions: string[]) =>
    Promise.all([hasPostureData(scope), listRegions(scope), memo.get(`o:${regions}`, () => getOpenAggregates(scope, regions)), getHeatmapAccounts(scope, regions),
      getEnablementSummary(scope, regions), getLastSync(scope), memo.get("r", () => getTopRisks(scope, []))]);
  const overviewWarm = await measure("OVERVIEW PAGE, memo warm (no sync since)", () => warmPage([]));
  await measure("accounts page heatmap (all accounts, separate count)", () => getSeverityHeatmap(scope, []));
  console.log("\nOverview counted over the findings (before rollups)");
  await measure("open aggregates [findings]", () => getOpenAggregates(scope, [], "only", "findings"), slowRuns, slowWarmups);
  await measure("open aggregates, region filter [findings]", () => getOpenAggregates(scope, ["eu-west-1"], "only", "findings"), slowRuns, slowWarmups);
  const pageFromFindings = (regions: string[]) =>
    Promise.all([hasPostureData(scope), listRegions(scope), getOpenAggregates(scope, regions, "only", "findings"), getHeatmapAccounts(scope, regions), getEnablementSummary(scope, regions), getLastSync(scope), getTopRisks(scope, [])]);
  const before = await measure("OVERVIEW PAGE [findings]", () => pageFromFindings([]), slowRuns, slowWarmups);
  await measure("accounts page heatmap [findings]", () => getSeverityHeatmap(scope, [], undefined, "findings"), slowRuns, slowWarmups);
  if (process.argv.includes("--overview-only")) {
    console.log(`\nOverview p95 ${overview.p95.toFixed(0)} ms from rollups (one region ${overviewRegion.p95.toFixed(0)}, warm ${overviewWarm.p95.toFixed(0)}), ${before.p95.toFixed(0)} ms counted over findings`);
    await db().close();
    await openedReadDatabase()?.close();
    return;
  }

  const { explorer, unfiltered } = await measureExplorer(pick, resources, cve);
  const grouped = await measureGrouped(pick, accounts);

  console.log("\nFinding detail");
  const detail = await measure("finding detail: row + history (the first paint)", (i) => getFindingDetail(scope, arns[i % arns.length]), Math.max(runs, 60));
  // Other findings than the detail's runs read, so their pages are not already cached.
  const keyed = (await Promise.all(arns.slice(Math.floor(arns.length / 2)).map((arn) => getFindingDetail(scope, arn)))).flatMap((d) => (d ? [d.finding] : []));
  const other = await measure("other resources with its key (streamed after)", (i) => getOtherResources(scope, keyed[i % keyed.length]), Math.max(1, Math.min(Math.max(runs, 60), keyed.length - 3)));

  console.log("\nCoverage");
  await measure(`coverage matrix (${accounts.length} accounts)`, () => getCoverageMatrix(scope));
  await measure("unscanned by reason", () => getUnscannedByReason(scope));

  console.log("\nCSV export through GET /api/findings/export");
  const exportResult = await benchExport(process.env.BENCH_EXPORT_FILTER ?? "severity=MEDIUM&region=eu-west-1&region=ap-southeast-2");
  console.log(`${exportResult.rows} rows, ${(exportResult.bytes / 1e6).toFixed(1)} MB in ${(exportResult.ms / 1000).toFixed(1)} s; RSS before ${exportResult.rssBefore} MB, peak ${exportResult.rssPeak} MB`);

  console.log("\nStorage");
  const bytesPerFinding = await storagePerFinding(n);

  const worst = Math.max(...explorer.map((e) => e.p95));
  const worstGrouped = Math.max(...grouped.map((e) => e.p95));
  console.log(`\nTargets: overview p95 ${overview.p95.toFixed(0)} ms cold (one region ${overviewRegion.p95.toFixed(0)}, warm ${overviewWarm.p95.toFixed(0)}) < 300; filtered explorer worst p95 ${worst.toFixed(0)} ms < 200 (grouped ${worstGrouped.toFixed(0)}, unfiltered ${unfiltered.p95.toFixed(0)}); detail p95 ${detail.p95.toFixed(0)} ms < 100 (other resources after it ${other.p95.toFixed(0)}); export of ${exportResult.rows} rows peak RSS ${exportResult.rssPeak} MB < 300; ${bytesPerFinding} B/finding <= 2048`);
  await db().close();
  await openedReadDatabase()?.close(); // DATABASE_READ_URL: the views read the replica
}

/** Streams the export route (as the local admin) and stops after `maxRows` rows: RSS of a
 *  `maxRows`-row export whatever the filter matches at this size. */
async function benchExport(qs: string, maxRows = 100_000) {
  global.gc?.();
  const mb = () => Math.round(process.memoryUsage().rss / 1e6);
  const rssBefore = mb();
  let rssPeak = rssBefore;
  const timer = setInterval(() => (rssPeak = Math.max(rssPeak, mb())), 20);
  const t = performance.now();
  const host = allowedHosts()[0];
  const res = await exportRoute(new Request(`http://${host}/api/findings/export?${qs}`, { headers: { host } }));
  if (!res.ok) throw new Error(`export: HTTP ${res.status} ${await res.text()}`);
  const reader = res.body!.getReader();
  let bytes = 0, rows = -1;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) rows++;
    rssPeak = Math.max(rssPeak, mb());
    if (rows >= maxRows) {
      await reader.cancel();
      break;
    }
  }
  clearInterval(timer);
  return { rows, bytes, ms: performance.now() - t, rssBefore, rssPeak };
}

/** Database bytes per finding, all included, and where they are. */
async function storagePerFinding(n: number) {
  const [r] = await queryRows<{ db: number; heap: number; toast: number; idx: number; resources: number; events: number }>(Prisma.sql`
    SELECT pg_database_size(current_database())::float8 AS db, pg_relation_size('findings')::float8 AS heap,
      coalesce(pg_total_relation_size(c.reltoastrelid), 0)::float8 AS toast, pg_indexes_size('findings')::float8 AS idx,
      pg_total_relation_size('finding_other_resources')::float8 AS resources, pg_total_relation_size('finding_events')::float8 AS events
    FROM pg_class c WHERE c.oid = 'findings'::regclass`);
  const per = (b: number) => Math.round(b / n);
  console.log(`database ${(r.db / 1e9).toFixed(2)} GB = ${per(r.db)} B/finding: findings heap ${per(r.heap)} + TOAST ${per(r.toast)} + indexes ${per(r.idx)}, finding_other_resources ${per(r.resources)}, finding_events ${per(r.events)}, rest ${per(r.db - r.heap - r.toast - r.idx - r.resources - r.events)}`);
  return per(r.db);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
