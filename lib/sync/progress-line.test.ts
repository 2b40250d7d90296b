import { describe, expect, it } from "vitest";
import { formatEta, progressLine } from "./progress-line";
import type { SyncProgress } from "./progress";

describe("progressLine", () => {
  it("shows each region's phase and pages, the rate, the ETA and throttling", () => {
    const p: SyncProgress = {
      runId: 3, trigger: "cli", phase: "findings", startedAt: "", heartbeatAt: "",
      regions: [
        { region: "us-east-1", phase: "findings", mode: "FULL", pages: 120, findings: 12000, activeFindings: 9000, partitionsDone: 3, partitionsTotal: 12 },
        { region: "eu-west-1", phase: "done", mode: "INCREMENTAL", pages: 4, findings: 31, activeFindings: 20, partitionsDone: 1, partitionsTotal: 1 },
      ],
      findings: 12031, pages: 124, findingsPerSecond: 10500, etaSeconds: 75, apiRequests: 130, throttled: 2,
    };
    expect(progressLine(p)).toBe(
      "us-east-1 findings full 3/12 120p | eu-west-1 done incremental 1/1 4p || 12,031 findings, 10,500/s, ETA 1m15s, 130 req (2 throttled)",
    );
    expect(formatEta(null)).toBe("ETA –");
  });
});
