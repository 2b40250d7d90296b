import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { ecrFinding } from "../map/fixtures";
import { toFindingRow, type FindingRow } from "../map/finding-row";
import { dedupeByArn, findingsPayload, upsertFindings } from "./finding-writer";
import { DOCUMENT_COLUMNS, documentKey } from "./upsert-findings-sql";
import { joinRawFinding } from "@/lib/domain/raw-finding-parts";
import { replaceCoverage } from "./coverage-writer";
import { applyCoverageUsage } from "../coverage/image-usage";

const arn = (n: number) => `arn:aws:inspector2:us-east-1:111122223333:finding/${String(n).padStart(32, "0")}`;
function row(n: number, over: Parameters<typeof ecrFinding>[0] = {}): FindingRow {
  const r = toFindingRow(ecrFinding({ findingArn: arn(n), ...over }), "us-east-1");
  if (!r.ok) throw new Error(r.error);
  return r.row;
}
const at = (iso: string) => new Date(iso);

describe("upsertFindings", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());
  const ctx = { runId: null, syncedAt: at("2024-09-06T00:00:00Z") };
  const events = async (n: number) =>
    (await t.pool.query("SELECT kind, from_value, to_value FROM finding_events WHERE finding_arn = $1 ORDER BY id", [arn(n)])).rows;

  it("inserts a batch without change events (first sight is the row itself), and a replay changes nothing", async () => {
    const rows = [row(1), row(2, { exploitAvailable: "NO" }), row(3, { status: "CLOSED" })];
    expect(await upsertFindings(t.pool, rows, ctx)).toEqual({ written: 3, changed: 3, inserted: 3, events: 0 });
    const before = (await t.pool.query("SELECT xmin, * FROM findings ORDER BY arn")).rows;
    // A replay, later (the next full listing): no row rewritten (same xmin), each marked seen instead.
    const later = { runId: null, syncedAt: at("2024-09-07T00:00:00Z") };
    expect(await upsertFindings(t.pool, rows, later)).toEqual({ written: 3, changed: 0, inserted: 0, events: 0 });
    const after = (await t.pool.query("SELECT xmin, * FROM findings ORDER BY arn")).rows;
    expect(after).toEqual(before);
    const seen = await t.pool.query("SELECT arn, seen_at FROM finding_seen ORDER BY arn");
    expect(seen.rows).toEqual(rows.map((r) => ({ arn: r.arn, seen_at: later.syncedAt })));
    const stored = (await t.pool.query("SELECT * FROM findings WHERE arn = $1", [arn(1)])).rows[0];
    expect(stored.package_names).toEqual(["openssl", "libssl3t64"]);
    // The raw JSON in pieces: the finding's own part in the row, the vulnerability's, the resources'
    // and the installed packages' parts once each for the three findings (one CVE on one image), put back whole.
    expect(JSON.parse(stored.raw).findingArn).toBeUndefined();
    // Members a column repeats exactly are not kept twice (the join rebuilds them from the columns);
    // these times are ISO text (JSON.stringify of the SDK object), which no column repeats.
    for (const member of ["type", "status", "inspectorScore"]) expect(JSON.parse(stored.raw)).not.toHaveProperty(member);
    const parts = (await t.pool.query("SELECT id, doc FROM finding_raw_parts ORDER BY id")).rows;
    expect(parts.map((p) => p.id).sort()).toEqual([stored.raw_vulnerability_part, stored.raw_resources_part, stored.raw_installed_part].sort());
    expect(JSON.parse(stored.raw)).not.toHaveProperty("packageVulnerabilityDetails");
    const doc = (id: string) => parts.find((p) => p.id === id)?.doc ?? null;
    const whole = joinRawFinding({ ...stored, raw_vulnerability: doc(stored.raw_vulnerability_part), raw_resources: doc(stored.raw_resources_part),
      raw_installed: doc(stored.raw_installed_part) });
    expect(whole).toEqual(JSON.parse(rows[0].raw.toString()));
    expect(whole.packageVulnerabilityDetails).toMatchObject({ vulnerabilityId: "CVE-2024-6119" });
    expect(stored.exploit_since).toEqual(at("2024-09-05T10:00:00Z"));
    expect((await t.pool.query("SELECT closed_at FROM findings WHERE arn = $1", [arn(3)])).rows[0].closed_at).toEqual(
      at("2024-09-05T10:00:00Z"),
    );
  });

  it("stores each row's raw JSON text byte for byte beside its own columns, and refuses a raw text with a record separator", async () => {
    const rows = [10, 11, 12].map((n) => ({ ...row(n, { title: `t${n}` }), raw: `{"n":${n},"s":"a\\u001e b\\"c"}` }));
    await upsertFindings(t.pool, rows, ctx);
    const stored = (await t.pool.query("SELECT arn, title, raw FROM findings WHERE arn = ANY($1) ORDER BY arn", [rows.map((r) => r.arn)])).rows;
    expect(stored).toEqual(rows.map((r) => ({ arn: r.arn, title: r.title, raw: r.raw })));
    // The listing hands over views of a response body's UTF-8 bytes: stored as the same text,
    // multi-byte characters included, whatever the view's offset in its body.
    const body = Buffer.from('{"findings":[{"t":"añ€😀 \\"q\\""},{"u":"ü"}]}', "utf8");
    const first = body.subarray(body.indexOf("{", 1), body.indexOf("},{") + 1);
    const second = body.subarray(body.indexOf("},{") + 2, body.length - 2);
    const viewed = [{ ...row(14), raw: first }, { ...row(15), raw: "{\"v\":\"ñ\"}" }, { ...row(16), raw: second }];
    await upsertFindings(t.pool, viewed, ctx);
    const texts = (await t.pool.query("SELECT raw FROM findings WHERE arn = ANY($1) ORDER BY arn", [viewed.map((r) => r.arn)])).rows.map((r) => r.raw);
    expect(texts).toEqual(['{"t":"añ€😀 \\"q\\""}', '{"v":"ñ"}', '{"u":"ü"}']);
    expect(JSON.parse(texts[0]).t).toBe('añ€😀 "q"');
    const bad = { ...row(13), raw: `{"s":"\x1e"}` };
    await expect(upsertFindings(t.pool, [bad], ctx)).rejects.toThrow(/record separator/);
    expect((await t.pool.query("SELECT count(*)::int AS n FROM findings WHERE arn = $1", [bad.arn])).rows[0].n).toBe(0);
  });

  it("stores a shared part once, rewrites a finding whose vulnerability text changed, and stores no part for one left as it is", async () => {
    const partCount = async () => (await t.pool.query("SELECT count(*)::int AS n FROM finding_raw_parts")).rows[0].n as number;
    const heldBefore = await partCount();
    const fresh = [row(30, { title: "a new vulnerability" }), row(31, { title: "a new vulnerability" })];
    await upsertFindings(t.pool, fresh, ctx);
    expect(await partCount()).toBe(heldBefore + 1); // their vulnerability part; the image's resources part was held
    // The vulnerability's text changed under the same version (its description lives only there): rewritten.
    const remediated = row(30, { title: "a new vulnerability", remediation: { recommendation: { text: "upgrade" } } });
    expect(await upsertFindings(t.pool, [remediated], ctx)).toMatchObject({ changed: 1 });
    expect(await partCount()).toBe(heldBefore + 2);
    // A resource detail the cache does not model changed under the same version: not rewritten, so
    // its new resources part is not stored either.
    const image = ecrFinding().resources![0];
    const rebuilt = row(31, {
      title: "a new vulnerability",
      resources: [{ ...image, details: { awsEcrContainerImage: { ...image.details!.awsEcrContainerImage!, architecture: "arm64" } } }],
    });
    expect(await upsertFindings(t.pool, [rebuilt], ctx)).toMatchObject({ changed: 0 });
    expect(await partCount()).toBe(heldBefore + 2);
    const { partIds, vulnerabilityParts, resourcesParts, installedParts } = findingsPayload([...fresh, remediated, rebuilt]);
    expect(partIds).toHaveLength(5);
    expect(new Set(vulnerabilityParts).size).toBe(2);
    expect(new Set(resourcesParts).size).toBe(2);
    expect(new Set(installedParts).size).toBe(1); // the same packages on the image throughout
  });

  it("writes each column under the document key the statement reads it from", () => {
    const r = row(20, { title: "the title" });
    const [doc] = JSON.parse(findingsPayload([r]).columns) as Record<string, unknown>[];
    expect(Object.keys(doc)).toEqual(DOCUMENT_COLUMNS.map((_, i) => documentKey(i)));
    DOCUMENT_COLUMNS.forEach(([name, type], i) => {
      const value = r[name.replace(/_(\w)/g, (_m, ch: string) => ch.toUpperCase()) as keyof FindingRow];
      expect(doc[documentKey(i)], name).toEqual(type === "timestamptz" ? ((value as Date | null)?.getTime() ?? null) : value);
    });
  });

  it("records closure with its time, then a reopen clears it", async () => {
    await upsertFindings(t.pool, [row(1, { status: "CLOSED", updatedAt: at("2024-09-07T00:00:00Z") })], ctx);
    let f = (await t.pool.query("SELECT status, closed_at FROM findings WHERE arn = $1", [arn(1)])).rows[0];
    expect(f).toEqual({ status: "CLOSED", closed_at: at("2024-09-07T00:00:00Z") });
    await upsertFindings(t.pool, [row(1, { status: "ACTIVE", updatedAt: at("2024-09-08T00:00:00Z") })], ctx);
    f = (await t.pool.query("SELECT status, closed_at FROM findings WHERE arn = $1", [arn(1)])).rows[0];
    expect(f).toEqual({ status: "ACTIVE", closed_at: null });
    expect(await events(1)).toEqual([
      { kind: "STATUS", from_value: "ACTIVE", to_value: "CLOSED" },
      { kind: "STATUS", from_value: "CLOSED", to_value: "ACTIVE" },
    ]);
  });

  it("records exploitability and severity changes, and sets exploitSince once", async () => {
    await upsertFindings(t.pool, [row(2, { exploitAvailable: "YES", severity: "HIGH", updatedAt: at("2024-09-09T00:00:00Z") })], ctx);
    const f = (await t.pool.query("SELECT exploit_available, exploit_since, severity FROM findings WHERE arn = $1", [arn(2)])).rows[0];
    expect(f).toEqual({ exploit_available: "YES", exploit_since: at("2024-09-09T00:00:00Z"), severity: "HIGH" });
    expect((await events(2)).map((e) => e.kind).sort()).toEqual(["EXPLOITABLE", "SEVERITY"]);
  });

  it("never regresses to an older version of a finding", async () => {
    await upsertFindings(t.pool, [row(2, { status: "SUPPRESSED", updatedAt: at("2024-09-01T00:00:00Z") })], ctx);
    const f = (await t.pool.query("SELECT status FROM findings WHERE arn = $1", [arn(2)])).rows[0];
    expect(f.status).toBe("ACTIVE");
    expect((await events(2)).map((e) => e.kind).sort()).toEqual(["EXPLOITABLE", "SEVERITY"]);
  });

  it("leaves a row cached whole before the split as it is when it is listed again unchanged", async () => {
    const listed = row(40);
    await upsertFindings(t.pool, [listed], ctx);
    // As a cache written before finding_raw_parts holds it: the whole JSON, no parts.
    await t.pool.query("UPDATE findings SET raw = $2, raw_vulnerability_part = NULL, raw_resources_part = NULL WHERE arn = $1", [arn(40), listed.raw.toString()]);
    const xmin = async () => (await t.pool.query("SELECT xmin::text AS x FROM findings WHERE arn = $1", [arn(40)])).rows[0].x;
    const before = await xmin();
    expect(await upsertFindings(t.pool, [listed], ctx)).toMatchObject({ changed: 0 });
    expect(await xmin()).toBe(before);
    // A real change still rewrites it, split this time.
    expect(await upsertFindings(t.pool, [row(40, { inspectorScore: 9.9 })], ctx)).toMatchObject({ changed: 1 });
    expect((await t.pool.query("SELECT raw_vulnerability_part IS NOT NULL AS split FROM findings WHERE arn = $1", [arn(40)])).rows[0].split).toBe(true);
  });

  it("rewrites a finding whose modelled columns changed under the same updatedAt, and one that was GONE", async () => {
    const xmin = async (n: number) => (await t.pool.query("SELECT xmin::text AS x FROM findings WHERE arn = $1", [arn(n)])).rows[0].x;
    await upsertFindings(t.pool, [row(4)], ctx);
    const before = await xmin(4);
    expect(await upsertFindings(t.pool, [row(4, { inspectorScore: 9.1 })], ctx)).toMatchObject({ changed: 1 });
    expect(await xmin(4)).not.toBe(before);
    expect((await t.pool.query("SELECT inspector_score FROM findings WHERE arn = $1", [arn(4)])).rows[0].inspector_score).toBe(9.1);
    await t.pool.query("UPDATE findings SET status = 'GONE', gone_at = now(), gone_from_status = status, gone_reason = 'RETENTION' WHERE arn = $1", [arn(4)]);
    expect(await upsertFindings(t.pool, [row(4, { inspectorScore: 9.1 })], ctx)).toMatchObject({ changed: 1 });
    expect((await t.pool.query("SELECT status, gone_at FROM findings WHERE arn = $1", [arn(4)])).rows[0]).toEqual({ status: "ACTIVE", gone_at: null });
  });

  it("keeps the newest copy when a batch carries one finding twice", async () => {
    const a = row(9, { updatedAt: at("2024-09-01T00:00:00Z") });
    const b = row(9, { status: "CLOSED", updatedAt: at("2024-09-02T00:00:00Z") });
    expect(dedupeByArn([b, a])).toEqual([b]);
    expect(await upsertFindings(t.pool, [a, b], ctx)).toMatchObject({ written: 1, inserted: 1 });
  });
});

describe("upsertFindings: images in use", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t?.close());
  const ctx = { runId: null, syncedAt: at("2024-09-06T00:00:00Z") };
  const image = "arn:aws:ecr:us-east-1:111122223333:repository/app/sha256:abc"; // ecrFinding's first resource
  const usage = async (n: number) =>
    (await t.pool.query("SELECT in_use_count, last_in_use_at, image_pulled_at FROM findings WHERE arn = $1", [arn(n)])).rows[0];
  const cover = (ecrImage: Record<string, unknown>, day: number) => replaceCoverage(t.pool, "us-east-1", [{
    accountId: "111122223333", region: "us-east-1", resourceType: "AWS_ECR_CONTAINER_IMAGE", resourceId: image, scanType: "PACKAGE",
    scanStatusCode: "ACTIVE", scanStatusReason: "SUCCESSFUL", scanMode: "SCAN_ON_PUSH", lastScannedAt: null, resourceName: "app",
    metadata: JSON.stringify({ ecrImage }),
  }], { accountIds: null }, at(`2026-01-0${day}T00:00:00Z`));

  it("takes coverage's values for a finding whose image coverage already lists, so the pass after the listing writes nothing", async () => {
    // Written before coverage listed the image: the finding's own copy (none), then coverage's after the listing.
    await upsertFindings(t.pool, [row(50)], ctx);
    expect(await usage(50)).toEqual({ in_use_count: null, last_in_use_at: null, image_pulled_at: null });
    await cover({ inUseCount: 3, lastInUseAt: 1767225600, imagePulledAt: 1767139200 }, 1);
    expect(await applyCoverageUsage(t.pool, "us-east-1")).toBe(1);
    const covered = { in_use_count: 3, last_in_use_at: at("2026-01-01T00:00:00Z"), image_pulled_at: at("2025-12-31T00:00:00Z") };
    expect(await usage(50)).toEqual(covered);
    // Written after: coverage's values at insert, nothing left for the pass to write.
    await upsertFindings(t.pool, [row(51)], ctx);
    expect(await usage(51)).toEqual(covered);
    expect(await applyCoverageUsage(t.pool, "us-east-1")).toBe(0);
    // A new version of a finding starts from its own copy with coverage's values over it; a pull time
    // coverage no longer gives is kept until the pass after the listing clears it (unknown, as coverage says).
    await cover({ inUseCount: 0 }, 2);
    await upsertFindings(t.pool, [row(51, { updatedAt: at("2024-09-06T10:00:00Z") })], ctx);
    expect(await usage(51)).toEqual({ ...covered, in_use_count: 0, last_in_use_at: null });
    expect(await applyCoverageUsage(t.pool, "us-east-1")).toBe(2);
    expect(await usage(50)).toEqual({ ...covered, in_use_count: 0, image_pulled_at: null });
    expect(await usage(51)).toEqual({ in_use_count: 0, last_in_use_at: null, image_pulled_at: null });
  });
});
