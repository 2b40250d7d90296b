// Gate decision from the cache for one image with 500 findings, inside a synthetic organization.
//   npx tsx lib/gate/bench/gate-bench.ts [--findings 200000] [--runs 50]
// Uses a fresh database on TEST_DATABASE_URL's server (else embedded PGlite) and drops it after.
// Server time = evaluateGate(): validation, policy, coverage + findings + exceptions reads, the pure
// decision and the INSERT of the decision record (what POST /api/gate does besides HTTP).
import os from "node:os";
import { createTestDatabase } from "@/lib/db/test-database";
import { seedSteps } from "@/lib/queries/bench/seed-sql";

const arg = (name: string, d: string) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
const findings = Number(arg("findings", "200000")), runs = Number(arg("runs", "50"));
const DIGEST = `sha256:${"ab".repeat(32)}`;

const database = await createTestDatabase();
process.env.DATABASE_URL = database.url;
try {
  const t0 = performance.now();
  for (const step of seedSteps) {
    const params = step.sql.includes("$2") ? [100, findings] : step.sql.includes("$1") ? [100] : undefined;
    await database.pool.query(step.sql, params);
  }
  const acct = (await database.pool.query(`SELECT id FROM accounts ORDER BY id LIMIT 1`)).rows[0].id as string;
  const rid = `arn:aws:ecr:us-east-1:${acct}:repository/bench/app/${DIGEST}`;
  await database.pool.query(`UPDATE account_regions SET last_synced_at = now(), sync_status = 'OK' WHERE account_id = $1 AND region = 'us-east-1'`, [acct]);
  await database.pool.query(`INSERT INTO covered_resources (account_id, region, resource_type, resource_id, scan_type, scan_status_code, scan_status_reason, last_scanned_at, metadata)
    VALUES ($1, 'us-east-1', 'AWS_ECR_CONTAINER_IMAGE', $2, 'PACKAGE', 'ACTIVE', 'SUCCESSFUL', now(), '{"ecrRepository":{"name":"bench/app"},"ecrImage":{"tags":["v1"]}}')
    ON CONFLICT DO NOTHING`, [acct, rid]);
  await database.pool.query(`INSERT INTO findings (arn, account_id, region, type, title, severity, status, inspector_score, cvss_score, epss_score, exploit_available, fix_available,
      vulnerability_id, finding_key, package_names, resource_type, resource_id, ecr_repository, ecr_image_hash, first_observed_at, last_observed_at, updated_at, raw)
    SELECT 'arn:aws:inspector2:us-east-1:' || $1 || ':finding/bench' || g, $1, 'us-east-1', 'PACKAGE_VULNERABILITY', 'CVE-2024-' || (1000 + g) || ' - pkg' || (g % 40),
      (ARRAY['CRITICAL','HIGH','MEDIUM','LOW','INFORMATIONAL'])[1 + g % 5], 'ACTIVE', 9.8 - (g % 50) / 10.0, 9.8 - (g % 50) / 10.0, (g % 100) / 100.0, CASE WHEN g % 7 = 0 THEN 'YES' ELSE 'NO' END,
      CASE WHEN g % 3 = 0 THEN 'NO' ELSE 'YES' END, 'CVE-2024-' || (1000 + g), 'CVE-2024-' || (1000 + g), ARRAY['pkg' || (g % 40)], 'AWS_ECR_CONTAINER_IMAGE', $2, 'bench/app', $3,
      now() - (g % 90) * interval '1 day', now(), now(), '{}'
    FROM generate_series(1, 500) g`, [acct, rid, DIGEST]);
  await database.pool.query(`INSERT INTO risk_exceptions (vulnerability_id, resource_ids, reason, owner, expires_at, approved_at, approved_by)
    SELECT 'CVE-2024-' || (1000 + g), '{}', 'benchmark exception', 'bench', now() + interval '30 days', now(), 'bench' FROM generate_series(5, 500, 10) g`);
  await database.pool.query("VACUUM ANALYZE");
  console.log(`seeded ${findings} background findings + 500 on the image in ${((performance.now() - t0) / 1000).toFixed(1)} s (${database.flavour})`);

  const { evaluateGate } = await import("@/lib/actions/gate-evaluate");
  const actor = { kind: "token" as const, id: "bench", name: "bench", role: "analyst" as const, scope: { accountIds: "all" as const } };
  const body = { artifact: { kind: "ecr-image", repository: "bench/app", digest: DIGEST } };
  const times: number[] = [];
  let last: Record<string, unknown> = {};
  for (let i = 0; i < runs + 5; i++) {
    const r = await evaluateGate(i % 2 ? body : { ...body, artifact: { kind: "ecr-image", repository: "bench/app", tag: "v1" } }, actor);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    last = r.body;
    if (i >= 5) times.push(r.body.serverMs as number);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
  console.log(`verdict ${last.verdict}: ${last.openFindings} open findings judged, ${(last.failing as unknown[]).length} failing, ${(last.excepted as unknown[]).length} excepted`);
  console.log(`server time over ${runs} decisions (digest and tag alternating): p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms`);
  // Where the time goes: each read and the pure decision on their own (medians of 20).
  const { observeFromCache } = await import("@/lib/queries/gate/artifact-observation");
  const { exceptionsFor } = await import("@/lib/queries/gate/gate-exceptions");
  const { policyInForce } = await import("@/lib/queries/gate/policies");
  const { decide } = await import("@/lib/gate/decide");
  const phase: Record<string, number[]> = { policy: [], observe: [], exceptions: [], decide: [] };
  for (let i = 0; i < 20; i++) {
    let t = performance.now();
    const p = (await policyInForce("default"))!; phase.policy.push(performance.now() - t); t = performance.now();
    const o = await observeFromCache(actor.scope, body.artifact as never); phase.observe.push(performance.now() - t); t = performance.now();
    if (!o.ok) throw new Error(o.message);
    const ex = await exceptionsFor(o.observation.findings, actor.scope); phase.exceptions.push(performance.now() - t); t = performance.now();
    decide(p.policy, o.observation, ex, new Date()); phase.decide.push(performance.now() - t);
  }
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1].toFixed(1);
  console.log(`phases (median ms): ${Object.entries(phase).map(([k, v]) => `${k} ${med(v)}`).join(", ")}`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, node ${process.version}`);
} finally {
  const { db } = await import("@/lib/db/client");
  await db().close().catch(() => {});
  await database.close();
}
