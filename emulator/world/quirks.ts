import { ACTIVE, CLOSED, DELETED, SUPPRESSED, type PendingChange, type Quirks, type World } from "./types";

// Real AWS's quirks, each off unless asked for. Listing lag: a change stamped at updatedAt is
// served (and aggregated) only from updatedAt + lag; until then answers show the finding as it
// was (a new one not at all). The world's columns always hold what is listable; not-yet-listable
// values wait in w.pending. Retention: terminated resources' findings go 3 days after closing,
// a disabled account's 24 h after it was disabled.

export const NO_QUIRKS: Quirks = { clockSkewSeconds: 0, listingLagSeconds: 0, disabledRetention: false, terminations: false, accountChurn: false,
  multiResource: false, ghsaFindings: false, futureScanReason: null, codeSecurity: false, referenceUrls: 1, pageOverlap: false };
const DAY = 86400;

/** Runs `mutate`, then holds back every change it stamped within the lag (by updatedAt). */
export function withLag(w: World, mutate: () => void): void {
  const lag = w.quirks.listingLagSeconds;
  if (!(lag > 0)) return mutate();
  const f = w.f, n0 = f.status.length;
  const st = f.status.data.slice(0, n0), up = f.updated.data.slice(0, n0), last = f.last.data.slice(0, n0), ex = f.exploit.data.slice(0, n0);
  mutate();
  const edge = w.clock - lag;
  const byIndex = new Map(w.pending.map((p) => [p.i, p]));
  for (let i = 0; i < f.status.length; i++) {
    const isNew = i >= n0;
    if ((!isNew && f.updated.data[i] === up[i]) || f.updated.data[i] <= edge) continue;
    byIndex.set(i, { i, status: f.status.data[i], updated: f.updated.data[i], last: f.last.data[i], exploit: f.exploit.data[i] });
    if (isNew) f.status.data[i] = DELETED; // not listable yet
    else { f.status.data[i] = st[i]; f.updated.data[i] = up[i]; f.last.data[i] = last[i]; f.exploit.data[i] = ex[i]; }
  }
  w.pending = [...byIndex.values()];
}

/** Makes listable every held-back change whose time has come. */
export function applyDue(w: World): void {
  if (!w.pending.length) return;
  const edge = w.clock - w.quirks.listingLagSeconds;
  const keep: PendingChange[] = [];
  for (const p of w.pending) {
    if (p.updated > edge) { keep.push(p); continue; }
    const f = w.f;
    f.status.data[p.i] = p.status; f.updated.data[p.i] = p.updated; f.last.data[p.i] = p.last; f.exploit.data[p.i] = p.exploit;
  }
  if (keep.length !== w.pending.length) w.version++;
  w.pending = keep;
}

/** Deletes what Inspector's retention removes by now; true when anything went. */
export function applyRetention(w: World): boolean {
  const f = w.f, R = w.regions.length;
  let changed = false;
  for (const r of w.terminated) {
    const list = w.byAr[w.res.account.data[r] * R + w.res.region.data[r]];
    for (let k = 0; k < list.length; k++) {
      const i = list.data[k];
      if (f.res.data[i] === r && f.status.data[i] === CLOSED && f.updated.data[i] <= w.clock - 3 * DAY) { f.status.data[i] = DELETED; changed = true; }
    }
  }
  if (!w.quirks.disabledRetention) return changed;
  for (const a of w.accounts) {
    if (a.disabledAt === undefined || w.clock < a.disabledAt + DAY) continue;
    for (let r = 0; r < R; r++) {
      const list = w.byAr[a.index * R + r];
      for (let k = 0; k < list.length; k++) {
        const i = list.data[k];
        if (f.status.data[i] !== DELETED) { f.status.data[i] = DELETED; changed = true; }
      }
    }
  }
  return changed;
}

export const isOpen = (s: number) => s === ACTIVE || s === SUPPRESSED;
