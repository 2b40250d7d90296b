import { describe, expect, it } from "vitest";
import { intelFromDetail, notFoundIntel } from "./map-finding-detail";

const t = { vulnerabilityId: "CVE-2021-44228", arn: "arn:aws:inspector2:us-east-1:111111111111:finding/a", basisAt: new Date("2026-11-01T00:00:00Z") };

describe("intelFromDetail", () => {
  it("maps every field of a full answer", () => {
    const r = intelFromDetail(t, {
      findingArn: t.arn, riskScore: 97, epssScore: 0.94, cwes: ["CWE-917"], tools: ["metasploit"], ttps: ["T1190"], referenceUrls: ["https://x"],
      cisaData: { dateAdded: new Date("2021-12-10T00:00:00Z"), dateDue: new Date("2021-12-24T00:00:00Z"), action: "Patch" },
      exploitObserved: { firstSeen: new Date("2021-12-09T00:00:00Z"), lastSeen: new Date("2026-11-01T00:00:00Z") },
      evidences: [{ evidenceRule: "rule", evidenceDetail: "detail", severity: "CRITICAL" }],
    });
    expect(r).toMatchObject({
      state: "OK", inKev: true, kevAction: "Patch", epssScore: 0.94, riskScore: 97, cwes: ["CWE-917"], tools: ["metasploit"], ttps: ["T1190"],
      evidences: [{ rule: "rule", detail: "detail", severity: "CRITICAL" }],
    });
    expect(r.kevDateDue?.toISOString()).toBe("2021-12-24T00:00:00.000Z");
    expect(r.exploitFirstSeen?.toISOString()).toBe("2021-12-09T00:00:00.000Z");
  });

  it("keeps what an older answer leaves out unknown (null/empty), and no cisaData means not in KEV", () => {
    const r = intelFromDetail(t, { findingArn: t.arn });
    expect(r).toMatchObject({ inKev: false, kevDateAdded: null, kevDateDue: null, exploitFirstSeen: null, epssScore: null, cwes: [], evidences: [] });
    expect(intelFromDetail(t, { findingArn: t.arn, cisaData: {} }).inKev).toBe(false);
    expect(intelFromDetail(t, { findingArn: t.arn, epssScore: Number.NaN, cwes: ["", "CWE-20"] })).toMatchObject({ epssScore: null, cwes: ["CWE-20"] });
  });

  it("a finding Inspector has no details for leaves KEV unknown, not 'no'", () => {
    expect(notFoundIntel(t)).toMatchObject({ state: "NOT_FOUND", inKev: null, epssScore: null });
  });
});
