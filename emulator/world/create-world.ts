import { TEMPLATES } from "../catalogue/templates";
import { createRng, hashUnit } from "../prng";
import { addFinding, computeVisibility, pickTemplate } from "./findings";
import { f64, i32, u32, u8 } from "./grow";
import { generateOrg } from "./generate-org";
import { generateArResources } from "./resources";
import { traits } from "./resource-info";
import { initialRules, reapplySuppression } from "./suppression";
import { ACTIVE, CLOSED, ENABLED, type Quirks, type World } from "./types";
import { NO_QUIRKS } from "./quirks";

export interface WorldOptions {
  seed: number;
  accounts: number;
  regions: string[];
  findings: number;
  historyWeeks: number;
  closedRetentionDays: number;
  /** Scales how much changes in a simulated day (closures, new findings, reopenings); 1 = ~4% of findings. */
  dailyChurn?: number;
  now: Date;
  quirks?: Partial<Quirks>;
}

const DAY = 86400;
const OU_WEIGHT: Record<string, number> = { Production: 3, Staging: 1.5, Development: 1, Sandbox: 0.6, Infrastructure: 1, Security: 0.4, Root: 0.3 };
const CLOSE_P: Record<string, number> = { CRITICAL: 0.45, HIGH: 0.35, MEDIUM: 0.25, LOW: 0.2, INFORMATIONAL: 0.1, UNTRIAGED: 0.15 };

export function emptyWorld(o: WorldOptions): World {
  const start = Math.floor(o.now.getTime() / 1000);
  const org = generateOrg(o.seed, o.accounts, o.regions.length, start);
  const R = o.regions.length, A = org.accounts.length;
  const fc = Math.ceil(o.findings * 1.05) + 64, rc = Math.ceil(o.findings / 7) + 64;
  return {
    seed: o.seed, start, clock: start, day: 0, regions: o.regions, accounts: org.accounts,
    accountById: new Map(org.accounts.map((a) => [a.id, a.index])), adminIndex: 1, managementIndex: 0,
    orgId: org.orgId, rootId: org.rootId, ouIds: org.ouIds, ouParents: org.ouParents, arState: org.arState, scanState: org.scanState,
    res: { type: u8(rc), account: u32(rc), region: u8(rc), flavour: u8(rc), parent: i32(rc), ordinal: u32(rc), reason: u8(rc), codeReason: u8(rc), lastScan: f64(rc), weight: f64(rc), tplBits: u32(rc * 4) },
    resByRegion: o.regions.map(() => u32(rc / R)), resByAr: Array.from({ length: A * R }, () => u32(16)),
    resVisible: new Uint8Array(0),
    f: { res: u32(fc), tpl: u8(fc), status: u8(fc), exploit: u8(fc), first: f64(fc), last: f64(fc), updated: f64(fc) },
    byRegion: o.regions.map(() => u32(fc / R)), byAr: Array.from({ length: A * R }, () => u32(16)),
    tplExploit: Uint8Array.from(TEMPLATES, (t) => (t.exploit ? 1 : 0)),
    tplExploitAt: Float64Array.from(TEMPLATES, (t, k) => (t.exploit ? start - Math.floor((10 + hashUnit(o.seed, 0xe8, k) * 400) * DAY) : 0)),
    rules: [], ruleSeq: 0, closedRetentionDays: o.closedRetentionDays, dailyChurn: o.dailyChurn ?? 1, version: 1,
    quirks: { ...NO_QUIRKS, ...o.quirks }, pending: [], terminated: new Set(),
  };
}

export function createWorld(o: WorldOptions): World {
  const w = emptyWorld(o);
  const R = o.regions.length;
  const weights: number[] = [];
  for (const a of w.accounts) {
    for (let r = 0; r < R; r++) {
      const on = w.arState[a.index * R + r] === ENABLED;
      weights.push(on ? (OU_WEIGHT[a.ou] ?? 1) * (0.5 + hashUnit(o.seed, 0x3e, a.index)) * (r === 0 ? 1 : r === 1 ? 0.5 : 0.3) : 0);
    }
  }
  const sum = weights.reduce((s, x) => s + x, 0) || 1;
  const H = o.historyWeeks * 7 * DAY, keepFrom = w.start - o.closedRetentionDays * DAY;
  for (const a of w.accounts) {
    for (let r = 0; r < R; r++) {
      const target = Math.round((o.findings * weights[a.index * R + r]) / sum);
      const rng = createRng(o.seed, 0x77, a.index, r);
      if (w.arState[a.index * R + r] !== ENABLED) continue;
      const findable = generateArResources(w, a.index, r, target, rng);
      if (findable.length === 0) continue;
      let s = 0;
      const cum = findable.map((x) => (s += w.res.weight.data[x]));
      for (let k = 0, misses = 0; k < target && misses < target * 3 + 20; ) {
        const x = rng.next() * s;
        let lo = 0, hi = cum.length - 1;
        while (lo < hi) { const mid = (lo + hi) >> 1; if (cum[mid] > x) hi = mid; else lo = mid + 1; }
        const res = findable[lo];
        const t = pickTemplate(w, res, rng);
        if (t < 0) { misses++; continue; }
        let first = rng.chance(0.25) ? w.start - H - rng.next() * 270 * DAY : w.start - rng.next() * H;
        // Nothing is observed on an instance before it launched or an image before its push.
        const born = traits(w, res).born;
        if (first < born) first = born + rng.next() * (w.start - born) * 0.3;
        if (rng.chance(CLOSE_P[TEMPLATES[t].severity]) && first < w.start - 3600) {
          const from = Math.max(first + 3600, keepFrom);
          const closedAt = from + rng.next() * (w.start - from);
          addFinding(w, res, t, CLOSED, first, Math.max(first, closedAt - rng.next() * DAY), closedAt);
        } else {
          const last = Math.max(first, w.start - rng.next() * 2 * DAY);
          addFinding(w, res, t, ACTIVE, first, last, last);
        }
        k++;
      }
    }
  }
  computeVisibility(w);
  w.rules = initialRules(w);
  for (let r = 0; r < R; r++) reapplySuppression(w, r, w.start, true);
  return w;
}
