// Live progress of a run: what the CLI prints, what GET /api/sync returns and what the
// sync_runs.progress column holds (so another process can show a CLI-started run).
import type { ListingMode } from "./findings/listing-mode";

export type SyncTrigger = "cli" | "schedule" | "manual" | "demo";
export type RegionPhase = "pending" | "checking" | "findings" | "coverage" | "integrity" | "done" | "failed";

export interface RegionProgress {
  region: string;
  phase: RegionPhase;
  mode?: ListingMode;
  pages: number;
  findings: number;
  partitionsDone: number;
  partitionsTotal: number;
  /** ACTIVE findings listed so far, and how many Inspector counts (full listings only). */
  activeFindings: number;
  expectedActive?: number;
  /**
   * Estimated findings of all statuses this listing will return: the API counts only ACTIVE
   * ones, so the share of them already listed extrapolates the total. Unset until meaningful.
   */
  expectedFindings?: number;
  error?: string;
}

export interface SyncProgress {
  runId: number | null;
  trigger: SyncTrigger;
  /** "details": the regions are listed; the accounts' OUs and owner tags, read beside them, are being finished. */
  phase: "starting" | "accounts" | "findings" | "details" | "snapshots" | "done" | "failed";
  startedAt: string;
  heartbeatAt: string;
  regions: RegionProgress[];
  findings: number;
  pages: number;
  findingsPerSecond: number;
  /** Seconds left, when the expected total is known; null otherwise. */
  etaSeconds: number | null;
  apiRequests: number;
  throttled: number;
  outcome?: "SUCCEEDED" | "PARTIAL" | "FAILED";
  message?: string;
}

export class ProgressTracker {
  readonly state: SyncProgress;
  private readonly t0 = performance.now();

  constructor(trigger: SyncTrigger, regions: string[], private readonly emit: (p: SyncProgress) => void) {
    const now = new Date().toISOString();
    this.state = {
      runId: null, trigger, phase: "starting", startedAt: now, heartbeatAt: now,
      regions: regions.map((region) => ({ region, phase: "pending", pages: 0, findings: 0, activeFindings: 0, partitionsDone: 0, partitionsTotal: 0 })),
      findings: 0, pages: 0, findingsPerSecond: 0, etaSeconds: null, apiRequests: 0, throttled: 0,
    };
  }

  region(name: string): RegionProgress {
    const r = this.state.regions.find((x) => x.region === name);
    if (!r) throw new Error(`unknown region ${name}`);
    return r;
  }

  page(region: string, findings: number, active: number): void {
    const r = this.region(region);
    r.pages++;
    r.findings += findings;
    r.activeFindings += active;
    const share = r.expectedActive ? r.activeFindings / r.expectedActive : 0;
    r.expectedFindings = share >= 0.05 ? Math.max(r.findings, Math.round(r.findings / Math.min(1, share))) : undefined;
  }

  /** Recomputes the totals and hands a snapshot to the listener. */
  update(patch: Partial<SyncProgress> = {}): SyncProgress {
    Object.assign(this.state, patch);
    const s = this.state;
    s.findings = s.regions.reduce((n, r) => n + r.findings, 0);
    s.pages = s.regions.reduce((n, r) => n + r.pages, 0);
    const secs = (performance.now() - this.t0) / 1000;
    s.findingsPerSecond = secs > 0 ? Math.round(s.findings / secs) : 0;
    const listing = s.regions.filter((r) => r.phase === "findings");
    const expected = listing.reduce((n, r) => n + (r.expectedFindings ?? NaN), 0);
    const left = expected - listing.reduce((n, r) => n + r.findings, 0);
    s.etaSeconds = listing.length && Number.isFinite(left) && s.findingsPerSecond > 0 ? Math.max(0, Math.round(left / s.findingsPerSecond)) : null;
    s.heartbeatAt = new Date().toISOString();
    const snapshot = structuredClone(s);
    this.emit(snapshot);
    return snapshot;
  }
}
