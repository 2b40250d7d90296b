import { TEMPLATES } from "../catalogue/templates";
import type { Rng } from "../prng";
import { traits, type Traits } from "./resource-info";
import { EC2, ENABLED, LAMBDA, type World } from "./types";

// Appending findings and choosing what a resource is vulnerable to. A resource never gets
// the same template twice (a 128-bit set per resource), as Inspector reports one finding
// per vulnerability per resource.

interface Group { tpls: number[]; cum: number[] }
const NET = TEMPLATES.filter((t) => t.type === "NETWORK_REACHABILITY").map((t) => t.index);
const CODE = TEMPLATES.filter((t) => t.type === "CODE_VULNERABILITY").map((t) => t.index);

const groups = new Map<number, Group>();

function groupFor(tr: Traits): Group {
  const families = tr.families as string[];
  let g = groups.get(tr.group);
  if (!g) {
    const tpls = TEMPLATES.filter((t) => t.family && families.includes(t.family)).map((t) => t.index);
    let s = 0;
    g = { tpls, cum: tpls.map((t) => (s += TEMPLATES[t].weight)) };
    groups.set(tr.group, g);
  }
  return g;
}

const hasBit = (w: World, r: number, t: number) => (w.res.tplBits.data[r * 4 + (t >> 5)] >>> (t & 31)) & 1;

/** A template not yet on resource `r`, or -1. */
export function pickTemplate(w: World, r: number, rng: Rng): number {
  const type = w.res.type.data[r];
  const tr = traits(w, r);
  for (let attempt = 0; attempt < 12; attempt++) {
    let t: number;
    if (type === EC2 && tr.isPublic && rng.chance(0.15)) t = rng.pick(NET);
    else if (type === LAMBDA && w.res.codeReason.data[r] === 0 && rng.chance(0.3)) t = rng.pick(CODE);
    else {
      const g = groupFor(tr);
      if (g.tpls.length === 0) return -1;
      const x = rng.next() * g.cum[g.cum.length - 1];
      let lo = 0, hi = g.cum.length - 1;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (g.cum[mid] > x) hi = mid; else lo = mid + 1; }
      t = g.tpls[lo];
    }
    if (!hasBit(w, r, t)) return t;
  }
  return -1;
}

const ms = (t: number) => Math.round(t * 1000) / 1000;

export function addFinding(w: World, r: number, t: number, status: number, first: number, last: number, updated: number): number {
  const f = w.f;
  const i = f.res.push(r);
  f.tpl.push(t); f.status.push(status); f.exploit.push(w.tplExploit[t]);
  f.first.push(ms(first)); f.last.push(ms(last)); f.updated.push(ms(updated));
  w.res.tplBits.data[r * 4 + (t >> 5)] |= 1 << (t & 31);
  const reg = w.res.region.data[r];
  w.byRegion[reg].push(i);
  w.byAr[w.res.account.data[r] * w.regions.length + reg].push(i);
  return i;
}

/** Bit 1: package/network findings visible; bit 2: code findings visible. */
export function computeVisibility(w: World): void {
  const n = w.res.type.length, R = w.regions.length;
  const vis = new Uint8Array(n);
  const scanOf = [0, 1, 1, 2];
  const out = w.accounts.map((a) => a.relationship === "REMOVED" || (a.orgState ?? "ACTIVE") !== "ACTIVE");
  // Quirk: a disabled account's findings stay listable for 24 h (world/quirks.ts deletes them then).
  const grace = w.accounts.map((a) => w.quirks.disabledRetention && a.disabledAt !== undefined && w.clock < a.disabledAt + 86400);
  for (let r = 0; r < n; r++) {
    const a = w.res.account.data[r], ar = a * R + w.res.region.data[r];
    if (out[a]) continue;
    if (grace[a]) { vis[r] = 3; continue; }
    if (w.arState[ar] !== ENABLED) continue;
    if (w.scanState[ar * 4 + scanOf[w.res.type.data[r]]] !== ENABLED) continue;
    vis[r] = 1 | (w.res.type.data[r] === LAMBDA && w.scanState[ar * 4 + 3] === ENABLED ? 2 : 0);
  }
  w.resVisible = vis;
}

const NEED = Uint8Array.from(TEMPLATES, (t) => (t.type === "CODE_VULNERABILITY" ? 2 : 1));

export function findingVisible(w: World, i: number): boolean {
  const need = NEED[w.f.tpl.data[i]];
  return w.f.status.data[i] !== 3 && (w.resVisible[w.f.res.data[i]] & need) !== 0;
}
