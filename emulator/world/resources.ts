import { EC2_PLATFORMS, ECR_APPS, ECR_BASES, LAMBDA_RUNTIMES } from "../catalogue/platforms";
import type { Rng } from "../prng";
import { EC2, ECR_IMAGE, ECR_REPO, ENABLED, LAMBDA, reasonCode, type World } from "./types";

// Resources of one account-region: EC2 instances, ECR repositories with images, Lambda
// functions. Most are covered; the rest are INACTIVE for a real reason and have no findings.

const DAY = 86400;
type Reason = Parameters<typeof reasonCode>[0];

export function addResource(w: World, type: number, a: number, r: number, flavour: number, parent: number, ordinal: number,
  reason: number, codeReason: number, lastScan: number, weight: number): number {
  const R = w.res;
  const idx = R.type.push(type);
  R.account.push(a); R.region.push(r); R.flavour.push(flavour); R.parent.push(parent); R.ordinal.push(ordinal);
  R.reason.push(reason); R.codeReason.push(codeReason); R.lastScan.push(lastScan); R.weight.push(weight);
  for (let k = 0; k < 4; k++) R.tplBits.push(0);
  w.resByRegion[r].push(idx);
  w.resByAr[a * w.regions.length + r].push(idx);
  return idx;
}

function weighted<T extends { weight: number }>(rng: Rng, items: readonly T[]): number {
  const total = items.reduce((s, x) => s + x.weight, 0);
  let x = rng.next() * total;
  for (let i = 0; i < items.length; i++) if ((x -= items[i].weight) < 0) return i;
  return items.length - 1;
}

function pickReason(rng: Rng, table: [Reason, number][]): number {
  return reasonCode(table[weighted(rng, table.map(([, weight]) => ({ weight })))][0]);
}

const EC2_INACTIVE: [Reason, number][] = [["UNMANAGED_EC2_INSTANCE", 35], ["UNSUPPORTED_OS", 8], ["EC2_INSTANCE_STOPPED", 20], ["NO_INVENTORY", 10], ["STALE_INVENTORY", 10], ["EXCLUDED_BY_TAG", 7], ["PENDING_INITIAL_SCAN", 5], ["DEEP_INSPECTION_NO_INVENTORY", 5]];
const IMG_INACTIVE: [Reason, number][] = [["SCAN_ELIGIBILITY_EXPIRED", 50], ["IMAGE_SIZE_EXCEEDED", 12], ["UNSUPPORTED_OS", 10], ["PENDING_INITIAL_SCAN", 15], ["UNSUPPORTED_MEDIA_TYPE", 8], ["ACCESS_DENIED", 5]];
const FN_INACTIVE: [Reason, number][] = [["EXCLUDED_BY_TAG", 30], ["PENDING_INITIAL_SCAN", 30], ["ACCESS_DENIED", 20], ["INTERNAL_ERROR", 20]];

/** Adds resources for one account-region; returns the findable ones (active coverage). */
export function generateArResources(w: World, a: number, r: number, targetFindings: number, rng: Rng): number[] {
  const ar = a * w.regions.length + r;
  const on = (k: number) => w.scanState[ar * 4 + k] === ENABLED;
  const findable: number[] = [];
  const nActive = targetFindings > 0 ? Math.max(2, Math.round(targetFindings / 9)) : 1;
  const total = nActive + Math.max(1, Math.round(nActive * 0.15));
  const shares = [on(0) ? 0.45 : 0, on(1) ? 0.35 : 0, on(2) ? 0.2 : 0];
  const sum = shares[0] + shares[1] + shares[2];
  if (sum === 0) return findable;
  const counts = shares.map((s) => Math.round((total * s) / sum));
  const scanned = (inactive: boolean) => (inactive ? w.start - Math.floor((2 + rng.next() * 40) * DAY) : w.start - Math.floor(rng.next() * DAY));
  const inactiveRoll = () => rng.next() < 0.14;
  for (let k = 0; k < counts[0]; k++) {
    const inactive = inactiveRoll();
    const reason = inactive ? pickReason(rng, EC2_INACTIVE) : 0;
    const idx = addResource(w, EC2, a, r, weighted(rng, EC2_PLATFORMS), -1, k, reason, 255,
      reason === reasonCode("PENDING_INITIAL_SCAN") ? 0 : scanned(inactive), 0.3 + 2.7 * rng.next() ** 2);
    if (!inactive) findable.push(idx);
  }
  if (counts[1] > 0) {
    const repos = Math.max(1, Math.ceil(counts[1] / 4));
    const repoIdx: number[] = [];
    const appOffset = rng.int(ECR_APPS.length);
    for (let k = 0; k < repos; k++) {
      const roll = rng.next();
      const reason = reasonCode(roll < 0.6 ? "SUCCESSFUL" : roll < 0.9 ? "SCAN_FREQUENCY_SCAN_ON_PUSH" : "SCAN_FREQUENCY_MANUAL");
      repoIdx.push(addResource(w, ECR_REPO, a, r, (appOffset + k) % ECR_APPS.length, -1, k, reason, 255, scanned(false), 0));
    }
    for (let k = 0; k < counts[1]; k++) {
      const inactive = inactiveRoll();
      const parent = repoIdx[k % repos];
      const reason = inactive ? pickReason(rng, IMG_INACTIVE) : w.res.reason.data[parent] === reasonCode("SCAN_FREQUENCY_SCAN_ON_PUSH") ? reasonCode("SCAN_FREQUENCY_SCAN_ON_PUSH") : 0;
      const idx = addResource(w, ECR_IMAGE, a, r, rng.int(ECR_BASES.length), parent, k, reason, 255,
        reason === reasonCode("PENDING_INITIAL_SCAN") ? 0 : scanned(inactive), 0.3 + 2.2 * rng.next() ** 2);
      if (!inactive) findable.push(idx);
    }
  }
  for (let k = 0; k < counts[2]; k++) {
    const rt = weighted(rng, LAMBDA_RUNTIMES);
    const unsupported = !LAMBDA_RUNTIMES[rt].supported;
    const inactive = unsupported || inactiveRoll();
    const reason = unsupported ? reasonCode("UNSUPPORTED_RUNTIME") : inactive ? pickReason(rng, FN_INACTIVE) : 0;
    const codeReason = on(3) ? reason : 255;
    const idx = addResource(w, LAMBDA, a, r, rt, -1, k, reason, codeReason,
      reason === reasonCode("PENDING_INITIAL_SCAN") ? 0 : scanned(inactive), 0.2 + 1.5 * rng.next() ** 2);
    if (!inactive) findable.push(idx);
  }
  return findable;
}
