import { describe, expect, it } from "vitest";
import { ProgressTracker, type SyncProgress } from "./progress";

describe("ProgressTracker", () => {
  it("extrapolates a full listing's total from the share of Inspector's ACTIVE count already listed", () => {
    const seen: SyncProgress[] = [];
    const t = new ProgressTracker("cli", ["us-east-1", "eu-west-1"], (p) => seen.push(p));
    const r = t.region("us-east-1");
    r.phase = "findings";
    r.expectedActive = 1000;
    t.page("us-east-1", 100, 20); // 2% of the active ones: too early to say
    expect(r.expectedFindings).toBeUndefined();
    t.page("us-east-1", 100, 80); // 100 of 1000 active in 200 findings: about 2000 in all
    expect(r.expectedFindings).toBe(2000);
    const p = t.update();
    expect(p.findings).toBe(200);
    expect(p.pages).toBe(2);
    expect(p.etaSeconds).not.toBeNull();
    expect(seen.at(-1)).toEqual(p);
    expect(seen.at(-1)).not.toBe(t.state); // listeners get snapshots, not the live object
  });
});
