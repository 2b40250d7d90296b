import { describe, expect, it } from "vitest";
import { exceptionCovers, exceptionStatus, expiryInstant, isExceptionValid, type ExceptionLike } from "./exceptions";

const base: ExceptionLike = {
  findingArn: null,
  vulnerabilityId: "CVE-2026-0001",
  resourceIds: [],
  createdAt: new Date("2026-10-01T09:00:00Z"),
  expiresAt: expiryInstant("2026-11-26"),
  revokedAt: null,
};
const meeting = new Date("2026-11-26T14:00:00Z");

describe("exception expiry", () => {
  it("stores a chosen expiry day as the end of that UTC day", () => {
    expect(expiryInstant("2026-11-26").toISOString()).toBe("2026-11-26T23:59:59.999Z");
  });

  it("counts an exception expiring ON the meeting day as expiring and still valid", () => {
    expect(exceptionStatus(base, meeting)).toBe("expiring");
    expect(isExceptionValid(base, meeting)).toBe(true);
  });

  it("applies the day boundary even for an expiry instant earlier that day", () => {
    const early = { ...base, expiresAt: new Date("2026-11-26T00:00:01Z") };
    expect(exceptionStatus(early, meeting)).toBe("expiring");
  });

  it("is expired the day after, so its findings come back", () => {
    expect(exceptionStatus(base, new Date("2026-11-27T00:00:00Z"))).toBe("expired");
    expect(isExceptionValid(base, new Date("2026-11-27T00:00:00Z"))).toBe(false);
  });

  it("is expiring for the next seven days and active after that", () => {
    expect(exceptionStatus({ ...base, expiresAt: expiryInstant("2026-12-02") }, meeting)).toBe("expiring");
    expect(exceptionStatus({ ...base, expiresAt: expiryInstant("2026-12-03") }, meeting)).toBe("active");
  });

  it("is not valid once revoked, nor before it was created", () => {
    expect(exceptionStatus({ ...base, revokedAt: new Date("2026-11-26T13:59:59Z") }, meeting)).toBe("revoked");
    expect(exceptionStatus({ ...base, revokedAt: new Date("2026-11-26T14:00:01Z") }, meeting)).toBe("expiring");
    expect(exceptionStatus({ ...base, createdAt: new Date("2026-11-26T15:00:00Z") }, meeting)).toBe("not-yet-created");
  });
});

describe("exception scope", () => {
  const f = { arn: "arn:f1", findingKey: "CVE-2026-0001", resourceIds: ["i-1"] };
  it("covers every resource the vulnerability hits when no resources are listed", () => {
    expect(exceptionCovers(base, f)).toBe(true);
    expect(exceptionCovers(base, { ...f, findingKey: "CVE-2026-0002" })).toBe(false);
  });
  it("covers only the listed resources, any resource of the finding counting", () => {
    expect(exceptionCovers({ ...base, resourceIds: ["i-2"] }, f)).toBe(false);
    expect(exceptionCovers({ ...base, resourceIds: ["i-2", "i-1"] }, f)).toBe(true);
    expect(exceptionCovers({ ...base, resourceIds: ["i-2"] }, { ...f, resourceIds: ["i-1", "i-2"] })).toBe(true);
  });
  it("covers aliases both ways: a GHSA exception the CVE finding relating it, a CVE exception a GHSA-only finding", () => {
    const ghsa = { ...base, vulnerabilityId: "GHSA-abcd-efgh-ijkl" };
    expect(exceptionCovers(ghsa, { ...f, relatedVulnerabilities: ["GHSA-abcd-efgh-ijkl"] })).toBe(true);
    expect(exceptionCovers({ ...base, aliases: ["GHSA-abcd-efgh-ijkl"] }, { ...f, findingKey: "GHSA-abcd-efgh-ijkl" })).toBe(true);
    expect(exceptionCovers({ ...base, vulnerabilityId: "GHSA-ABCD-EFGH-IJKL" }, { ...f, findingKey: "GHSA-abcd-efgh-ijkl" })).toBe(false);
  });
  it("covers code and network findings by their key", () => {
    expect(exceptionCovers({ ...base, vulnerabilityId: "network:TCP:22-22" }, { ...f, findingKey: "network:TCP:22-22" })).toBe(true);
  });
  it("covers exactly one finding by ARN", () => {
    const byArn = { ...base, findingArn: "arn:f1", vulnerabilityId: null };
    expect(exceptionCovers(byArn, f)).toBe(true);
    expect(exceptionCovers(byArn, { ...f, arn: "arn:f2" })).toBe(false);
  });
});
