import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { joinRawFinding, rawPartId, splitRawFinding, type ModelledColumns } from "./raw-finding-parts";
import { severityOrder, toSeverity } from "./severity";

const finding = {
  findingArn: "arn:aws:inspector2:eu-west-1:111122223333:finding/c4ca4238a0b923820dcc509a6f75849b",
  awsAccountId: "111122223333",
  type: "PACKAGE_VULNERABILITY",
  title: "CVE-2023-22128 - jackson-databind",
  description: "A flaw in jackson-databind allows {crafted} \"input\".",
  status: "ACTIVE",
  severity: "MEDIUM",
  firstObservedAt: 1793195760.530847,
  inspectorScore: 4.8,
  epss: { score: 0.05353 },
  remediation: { recommendation: { text: "None Provided" } },
  inspectorScoreDetails: { adjustedCvss: { score: 4.8, adjustments: [] } },
  packageVulnerabilityDetails: {
    vulnerabilityId: "CVE-2023-22128",
    referenceUrls: ["https://www.cve.org/CVERecord?id=CVE-2023-22128"],
    vulnerablePackages: [{ name: "jackson-databind", version: "8.10.4", fixedInVersion: "8.10.4.1" }],
  },
  resources: [{ id: "arn:aws:ecr:eu-west-1:111122223333:repository/app/sha256:69f3", type: "AWS_ECR_CONTAINER_IMAGE", details: { awsEcrContainerImage: { imageTags: ["v1"] } } }],
  aNewMember: { fromTomorrow: true },
};

const noColumns: ModelledColumns = {
  type: null, status: null, fix_available: null, exploit_available: null, inspector_score: null, epss_score: null, first_observed_at: null, last_observed_at: null,
  severity: null, updated_at: null,
};
const split = (doc: unknown, indent?: number, columns?: ModelledColumns) => splitRawFinding(Buffer.from(JSON.stringify(doc, null, indent), "utf8"), columns);
const rejoin = (doc: { findingArn: string; awsAccountId: string }, indent?: number, columns: ModelledColumns = noColumns, stored: Partial<ModelledColumns> & { gone_from_status?: string } = {}) => {
  const s = split(doc, indent, columns);
  return joinRawFinding({
    arn: doc.findingArn, account_id: doc.awsAccountId, raw: s.own.toString("utf8"), ...columns, ...stored,
    raw_vulnerability: s.vulnerability?.doc.toString("utf8") ?? null, raw_resources: s.resources?.doc.toString("utf8") ?? null,
    raw_installed: s.installed?.doc.toString("utf8") ?? null,
  });
};
// The row finding-row.ts makes of `finding`: every modelled member verbatim (first seen in milliseconds).
const columnsOf = (f: typeof finding): ModelledColumns => ({
  type: f.type, status: f.status, fix_available: null, exploit_available: null, inspector_score: f.inspectorScore, epss_score: f.epss.score,
  first_observed_at: new Date(Math.round(f.firstObservedAt * 1000)), last_observed_at: null, severity: f.severity, updated_at: null,
});

describe("splitRawFinding / joinRawFinding", () => {
  it("keeps the finding's own members, moves the vulnerability's text and the resources to shared parts", () => {
    const s = split(finding);
    expect(JSON.parse(s.own.toString())).toEqual({
      type: "PACKAGE_VULNERABILITY", status: "ACTIVE", severity: "MEDIUM", firstObservedAt: 1793195760.530847, inspectorScore: 4.8,
      epss: { score: 0.05353 }, aNewMember: { fromTomorrow: true },
    });
    // The installed packages are a part of their own, shared by the findings that list the same ones.
    expect(JSON.parse(s.installed!.doc.toString())).toEqual({ packageVulnerabilityDetails: { vulnerablePackages: finding.packageVulnerabilityDetails.vulnerablePackages } });
    expect(s.installed!.id).toBe(split({ ...finding, findingArn: "arn:other", status: "CLOSED" }).installed!.id);
    expect(split({ ...finding, packageVulnerabilityDetails: { ...finding.packageVulnerabilityDetails, vulnerablePackages: [{ name: "jackson-databind", version: "8.10.5" }] } })
      .installed!.id).not.toBe(s.installed!.id);
    // Given the row's columns, the members they repeat exactly are left out, and come back from them.
    const columns = columnsOf(finding);
    const lean = split(finding, undefined, columns);
    expect(JSON.parse(lean.own.toString())).toEqual({
      // A time in microseconds is not what a millisecond column holds: it stays.
      firstObservedAt: 1793195760.530847, aNewMember: { fromTomorrow: true },
    });
    expect(rejoin(finding, undefined, columns)).toEqual(finding);
    const inMs = { ...finding, firstObservedAt: 1725468938.411 };
    expect(JSON.parse(split(inMs, undefined, columnsOf(inMs)).own.toString())).not.toHaveProperty("firstObservedAt");
    expect(rejoin(inMs, undefined, columnsOf(inMs))).toEqual(inMs);
    // A member written twice stays as written, both copies (JSON.parse keeps the last).
    const twice = Buffer.from('{"status":"CLOSED","type":"PACKAGE_VULNERABILITY","status":"ACTIVE"}');
    const own = splitRawFinding(twice, columns).own.toString();
    expect(own).toBe('{"status":"CLOSED","status":"ACTIVE"}');
    expect(joinRawFinding({ arn: "a", account_id: "111122223333", raw: own, ...columns }).status).toBe("ACTIVE");
    // The sync marks a finding GONE without rewriting it: the status comes back as Inspector sent it.
    expect(rejoin(finding, undefined, columns, { status: "GONE", gone_from_status: "ACTIVE" })).toEqual(finding);
    expect(JSON.parse(s.vulnerability!.doc.toString())).toEqual({
      title: finding.title, description: finding.description, remediation: finding.remediation, inspectorScoreDetails: finding.inspectorScoreDetails,
      packageVulnerabilityDetails: { vulnerabilityId: "CVE-2023-22128", referenceUrls: finding.packageVulnerabilityDetails.referenceUrls },
    });
    expect(JSON.parse(s.resources!.doc.toString())).toEqual({ resources: finding.resources });
    expect(s.own.toString()).not.toContain(finding.findingArn);
    expect(rejoin(finding)).toEqual(finding);
  });

  it("leaves out severity and updatedAt only where their never-empty columns cannot stand for a missing member", () => {
    const sent = { ...finding, severity: "HIGH", lastObservedAt: 1796529072.5, updatedAt: 1796529072.956 };
    const columns = { ...columnsOf(sent), severity: "HIGH", last_observed_at: new Date(1796529072500), updated_at: new Date(1796529072956) };
    const own = JSON.parse(split(sent, undefined, columns).own.toString());
    expect(own).not.toHaveProperty("severity");
    expect(own).not.toHaveProperty("updatedAt");
    expect(rejoin(sent, undefined, columns)).toEqual(sent);
    // No severity sent: the column says UNTRIAGED, and the join must not invent one. Sent as UNTRIAGED,
    // it stays in the own part, for the column cannot tell the two apart.
    const { severity: _s, updatedAt: _u, ...bare } = sent;
    const bareColumns = { ...columns, severity: "UNTRIAGED", updated_at: columns.last_observed_at };
    expect(rejoin(bare, undefined, bareColumns)).toEqual(bare);
    const untriaged = { ...sent, severity: "UNTRIAGED" };
    expect(JSON.parse(split(untriaged, undefined, { ...columns, severity: "UNTRIAGED" }).own.toString())).toHaveProperty("severity", "UNTRIAGED");
    expect(rejoin(untriaged, undefined, { ...columns, severity: "UNTRIAGED" })).toEqual(untriaged);
    // No updatedAt sent: the column holds lastObservedAt. Sent equal to it, it stays in the own part.
    const same = { ...sent, updatedAt: sent.lastObservedAt };
    expect(JSON.parse(split(same, undefined, bareColumns).own.toString())).toHaveProperty("updatedAt", sent.lastObservedAt);
    expect(rejoin(same, undefined, bareColumns)).toEqual(same);
  });

  it("gives two findings of one vulnerability on one image the same parts, and different ones otherwise", () => {
    const other = { ...finding, findingArn: finding.findingArn.replace("c4ca", "aaaa"), status: "CLOSED", inspectorScore: 9.1 };
    const [a, b] = [split(finding), split(other)];
    expect(b.own.equals(a.own)).toBe(false);
    expect(b.vulnerability!.id).toBe(a.vulnerability!.id);
    expect(b.resources!.id).toBe(a.resources!.id);
    const elsewhere = split({ ...finding, resources: [{ ...finding.resources[0], id: "i-0abc" }] });
    expect(elsewhere.resources!.id).not.toBe(a.resources!.id);
    expect(elsewhere.vulnerability!.id).toBe(a.vulnerability!.id);
    expect(a.vulnerability!.id).toBe(rawPartId(a.vulnerability!.doc));
    expect(a.vulnerability!.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("leaves a finding without shared members whole, and reads rows stored whole as they are", () => {
    const bare = { findingArn: "arn:x", awsAccountId: "111122223333", status: "ACTIVE", packageVulnerabilityDetails: {} };
    const s = split(bare);
    expect([s.vulnerability, s.resources, s.installed]).toEqual([null, null, null]);
    expect(rejoin(bare)).toEqual(bare);
    expect(joinRawFinding({ arn: finding.findingArn, account_id: finding.awsAccountId, raw: JSON.stringify(finding), ...columnsOf(finding) })).toEqual(finding);
    expect(joinRawFinding({ arn: "arn:y", account_id: "111122223333", raw: "not json", ...noColumns })).toEqual({ findingArn: "arn:y", awsAccountId: "111122223333" });
  });

  it("puts any finding back as JSON.parse read it, whatever its members, values and whitespace", () => {
    const value = fc.jsonValue({ maxDepth: 3 });
    const members = fc.record(
      {
        title: fc.string(), description: fc.string(), status: fc.string(), remediation: value, inspectorScoreDetails: value, resources: value,
        packageVulnerabilityDetails: fc.oneof(value, fc.dictionary(fc.constantFrom("vulnerablePackages", "vulnerabilityId", "cvss", "source"), value)),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value), members, fc.constantFrom(undefined, 1, 2), (extra, known, indent) => {
        const doc = { ...extra, ...known, findingArn: "arn:aws:inspector2:us-east-1:111122223333:finding/x", awsAccountId: "111122223333" };
        expect(rejoin(doc, indent)).toEqual(JSON.parse(JSON.stringify(doc)));
      }),
      { numRuns: 400 },
    );
  });

  it("puts any finding back from a row whose columns repeat some of its members", () => {
    // Per modelled member: absent (its column null), or present with a value its column repeats or
    // not (a column never holds a value for a member Inspector did not send: finding-row.ts).
    const value = fc.jsonValue({ maxDepth: 2 });
    const ms = fc.integer({ min: 0, max: 4e12 });
    type Case = [unknown, unknown] | null; // [member value, column value] or absent
    const modelled = <T>(same: fc.Arbitrary<T>, toMember: (v: T) => unknown) => fc.oneof(
      fc.constant(null as Case),
      same.map((v): Case => [toMember(v), v]),
      value.map((v): Case => [v, null]),
      fc.tuple(value, same).map(([m, c]): Case => [m, c]),
    );
    const cases = fc.record({
      type: modelled(fc.string(), (v) => v), status: modelled(fc.string(), (v) => v), fixAvailable: modelled(fc.string(), (v) => v),
      exploitAvailable: modelled(fc.constantFrom("YES", "NO"), (v) => v), inspectorScore: modelled(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => v),
      epss: modelled(fc.double({ min: 0, max: 1, noNaN: true }), (v) => ({ score: v })),
      firstObservedAt: modelled(ms, (v) => v / 1000), lastObservedAt: modelled(ms, (v) => v / 1000),
    });
    // The never-empty columns, as finding-row.ts fills them: severity through toSeverity (UNTRIAGED for
    // none or an unknown one), updated_at from updatedAt when sent (a time), else lastObservedAt's column.
    const severity = fc.oneof(fc.constant(undefined), fc.constantFrom(...severityOrder, "critical", "SEVERE"), value);
    const updatedAt = fc.oneof(fc.constant({ kind: "absent" as const }), fc.constant({ kind: "asLast" as const }),
      ms.map((v) => ({ kind: "time" as const, v })), value.map((v) => ({ kind: "other" as const, v })));
    const column: Record<string, keyof ModelledColumns> = {
      type: "type", status: "status", fixAvailable: "fix_available", exploitAvailable: "exploit_available", inspectorScore: "inspector_score",
      epss: "epss_score", firstObservedAt: "first_observed_at", lastObservedAt: "last_observed_at",
    };
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value), cases, severity, updatedAt, fc.constantFrom(undefined, 2), (extra, picked, sev, upd, indent) => {
        const doc: Record<string, unknown> = { ...extra, findingArn: "arn:aws:inspector2:us-east-1:111122223333:finding/x", awsAccountId: "111122223333" };
        const columns: Record<string, unknown> = { ...noColumns };
        for (const [key, c] of Object.entries(picked)) {
          if (!c) {
            delete doc[key];
            continue;
          }
          doc[key] = c[0];
          const v = c[1];
          columns[column[key]] = v === null ? null : key.endsWith("ObservedAt") ? new Date(v as number) : v;
        }
        if (sev === undefined) delete doc.severity;
        else doc.severity = sev;
        columns.severity = toSeverity(typeof sev === "string" ? sev : undefined);
        delete doc.updatedAt;
        columns.updated_at = columns.last_observed_at;
        if (upd.kind === "time") [doc.updatedAt, columns.updated_at] = [upd.v / 1000, new Date(upd.v)];
        else if (upd.kind === "other") doc.updatedAt = upd.v;
        else if (upd.kind === "asLast" && "lastObservedAt" in doc) doc.updatedAt = doc.lastObservedAt;
        expect(rejoin(doc as { findingArn: string; awsAccountId: string }, indent, columns as unknown as ModelledColumns)).toEqual(JSON.parse(JSON.stringify(doc)));
      }),
      { numRuns: 400 },
    );
  });
});
