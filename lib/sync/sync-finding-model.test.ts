// The finding model through the real SDK against the emulator with its multi-resource and GHSA
// quirks on: after a full and an incremental sync every finding's key, aliases, exploit and every
// resource (in Inspector's order) in the cache equal what a plain SDK listing returns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "@aws-sdk/client-inspector2";
import { allFindings, inspector } from "@/emulator/test-support";
import { allScope } from "@/lib/queries/scope";
import { findingKey } from "./map/finding-key";
import { joinRawFinding } from "@/lib/domain/raw-finding-parts";
import { reviveFinding } from "@/lib/aws/fast-findings-protocol";
import { startSyncWorld, type SyncWorld } from "./test-support";
import { FINDINGS_WITH_RAW_PARTS_SQL } from "@/lib/queries/findings/raw-parts-join";

describe("sync of the finding model against the emulator (multi-resource and GHSA findings on)", () => {
  let w: SyncWorld;
  const q = async (sql: string, params: unknown[] = []) => (await w.database.pool.query(sql, params)).rows;
  beforeAll(async () => {
    w = await startSyncWorld({ accounts: 3, findings: 900, quirks: { multiResource: true, ghsaFindings: true } });
  });
  afterAll(async () => w?.close());

  async function listed(): Promise<Finding[]> {
    const out: Finding[] = [];
    for (const region of w.config.regions) {
      const client = inspector(w.emu, region);
      out.push(...(await allFindings(client)));
      client.destroy();
    }
    return out;
  }

  async function expectCacheEqualsInspector() {
    const findings = await listed();
    const rows = await q(`SELECT f.arn, f.finding_key, f.related_vulnerabilities, f.exploit_available, f.exploit_since_source,
        array_agg(fr.resource_id ORDER BY fr.position) AS resources
      FROM findings f JOIN finding_resources fr ON fr.finding_arn = f.arn WHERE f.gone_at IS NULL GROUP BY f.arn`);
    const byArn = new Map(rows.map((r) => [r.arn, r]));
    expect(byArn.size).toBe(findings.length);
    for (const f of findings) {
      const r = byArn.get(f.findingArn);
      expect({ key: r?.finding_key, related: r?.related_vulnerabilities, exploit: r?.exploit_available, resources: r?.resources }, f.findingArn).toEqual({
        key: findingKey(f), related: f.packageVulnerabilityDetails?.relatedVulnerabilities ?? [], exploit: f.exploitAvailable ?? null,
        resources: f.resources!.map((x) => x.id),
      });
      if (f.exploitAvailable === "YES") expect(r?.exploit_since_source).toBe(f.exploitabilityDetails?.lastKnownExploitAt ? "LAST_KNOWN_EXPLOIT" : "CACHE_FIRST_SAW");
    }
    return findings;
  }

  it("stores every resource, the key of every type, GHSA-only ids and aliases as Inspector sends them", async () => {
    const r = await w.sync();
    expect(r.outcome).toBe("SUCCEEDED");
    const findings = await expectCacheEqualsInspector();
    expect(findings.some((f) => f.resources!.length > 1)).toBe(true);
    expect(findings.some((f) => f.packageVulnerabilityDetails?.vulnerabilityId?.startsWith("GHSA-"))).toBe(true);
    expect(findings.some((f) => f.packageVulnerabilityDetails?.relatedVulnerabilities?.length)).toBe(true);
    const keys = await q(`SELECT type, count(DISTINCT finding_key)::int AS n FROM findings GROUP BY type ORDER BY type`);
    expect(keys.map((k) => k.type)).toEqual(["CODE_VULNERABILITY", "NETWORK_REACHABILITY", "PACKAGE_VULNERABILITY"]);
    expect(keys.every((k) => k.n > 0)).toBe(true);
    const [na] = await q(`SELECT count(*)::int AS n FROM findings WHERE type <> 'PACKAGE_VULNERABILITY' AND exploit_available IS NOT NULL`);
    expect(na.n).toBe(0);
  });

  it("puts each finding's JSON back as Inspector sent it, from its own part, its columns and its shared parts", async () => {
    const findings = await listed();
    const rows = await q(FINDINGS_WITH_RAW_PARTS_SQL);
    const byArn = new Map(rows.map((r) => [r.arn, r]));
    for (const f of findings) expect(reviveFinding(joinRawFinding(byArn.get(f.findingArn))), f.findingArn).toEqual(f);
    // What the columns repeat (millisecond times on the wire, the status, the type) is not stored twice.
    const [own] = await q(`SELECT count(*)::int AS n, count(*) FILTER (WHERE raw LIKE '%"firstObservedAt"%' OR raw LIKE '%"status"%' OR raw LIKE '%"type"%')::int AS repeated FROM findings`);
    expect(own).toEqual({ n: findings.length, repeated: 0 });
  });

  it("keeps the cache equal to Inspector through a simulated day and an incremental sync", async () => {
    await w.emu.advance(1);
    const r = await w.sync();
    expect(r.outcome).toBe("SUCCEEDED");
    await expectCacheEqualsInspector();
  });

  it("shows a finding's second resource among the detail's other resources", async () => {
    const { getFindingDetail, getOtherResources, relatedLimit } = await import("@/lib/queries/findings/finding-detail");
    // The read models use the process database (db()): this test's.
    (globalThis as { __inspectorateDb?: unknown }).__inspectorateDb = w.database;
    // A finding whose key (with its aliases) has few enough resources that the detail lists them all
    // (the list shows the highest scored relatedLimit); an arbitrary one may be outranked.
    const [multi] = await q(`SELECT f.arn, fr.resource_id FROM findings f JOIN finding_resources fr ON fr.finding_arn = f.arn AND fr.position = 1
      WHERE f.status = 'ACTIVE' AND (SELECT count(*) FROM findings g JOIN finding_resources gr ON gr.finding_arn = g.arn
        WHERE g.status = 'ACTIVE' AND (g.finding_key = f.finding_key OR g.related_vulnerabilities && ARRAY[f.finding_key]
          OR g.finding_key = ANY(coalesce(f.related_vulnerabilities, '{}')))) <= $1
      ORDER BY f.arn LIMIT 1`, [relatedLimit]);
    expect(multi).toBeDefined();
    const detail = (await getFindingDetail(allScope, multi.arn))!;
    const others = await getOtherResources(allScope, detail.finding);
    expect(others.rows.map((x) => x.resource_id)).toContain(multi.resource_id);
    expect(others.total).toBe(others.rows.length);
  });
});
