import { TEMPLATES } from "../catalogue/templates";
import { createRng, type Rng } from "../prng";
import { addFinding, computeVisibility, findingVisible, pickTemplate } from "./findings";
import { newRule, reapplySuppression, suppressionPredicate } from "./suppression";
import { dailyQuirkEvents } from "./account-events";
import { applyDue, applyRetention, withLag } from "./quirks";
import { ACTIVE, CLOSED, DELETED, EC2, ECR_IMAGE, ECR_REPO, ENABLED, SUPPRESSED, SUSPENDED_STATE, reasonCode, type World } from "./types";

// One simulated day: fixes close findings, some closed ones reopen, new ones appear,
// exploits get published, rules come and go, coverage drifts, an account may go dark.
// Every change stamps updatedAt with the time it happened inside that day.

const DAY = 86400;
const FIX_P: Record<string, number> = { CRITICAL: 0.03, HIGH: 0.02, MEDIUM: 0.012, LOW: 0.008, INFORMATIONAL: 0.005, UNTRIAGED: 0.008 };
const FIX = Float64Array.from(TEMPLATES, (t) => FIX_P[t.severity]);

export function advanceDays(w: World, days: number): void {
  const whole = Math.floor(days);
  for (let d = 0; d < whole; d++) {
    withLag(w, () => {
      simulateDay(w);
      dailyQuirkEvents(w);
    });
    settle(w);
  }
  w.clock += (days - whole) * DAY;
  settle(w);
  w.version++;
}

/** After the clock moved: held-back changes become listable, retention deletes, grace periods end. */
function settle(w: World): void {
  applyDue(w);
  const hadGrace = w.quirks.disabledRetention && w.accounts.some((a) => a.disabledAt !== undefined);
  if (applyRetention(w) || hadGrace) computeVisibility(w);
}

function simulateDay(w: World): void {
  const rng = createRng(w.seed, 0xda7, w.day);
  const t0 = w.clock;
  const at = () => Math.round((t0 + 1 + rng.next() * (DAY - 2)) * 1000) / 1000;
  const f = w.f, st = f.status.data, up = f.updated.data, n = f.res.length;
  const retentionEdge = t0 + DAY - w.closedRetentionDays * DAY;
  const supp = w.regions.map((_, r) => suppressionPredicate(w, r));
  const regionOf = (i: number) => w.res.region.data[f.res.data[i]];
  for (let i = 0; i < n; i++) {
    const s = st[i];
    if (s === ACTIVE || s === SUPPRESSED) {
      if (rng.next() < FIX[f.tpl.data[i]] * w.dailyChurn) { st[i] = CLOSED; up[i] = at(); }
    } else if (s === CLOSED) {
      if (up[i] < retentionEdge) st[i] = DELETED;
      else if (up[i] > t0 - 7 * DAY && up[i] <= t0 && rng.next() < 0.02 * w.dailyChurn && w.resVisible[f.res.data[i]] && !w.terminated.has(f.res.data[i])) {
        st[i] = supp[regionOf(i)](i) ? SUPPRESSED : ACTIVE;
        up[i] = at();
        f.last.data[i] = up[i]; // observed again
      }
    }
  }
  addNewFindings(w, rng, at, supp);
  churnRules(w, rng, t0, at);
  publishExploit(w, rng, at);
  driftCoverage(w, rng, t0, at);
  maybeGoDark(w, rng);
  w.clock = t0 + DAY;
  w.day++;
}

function addNewFindings(w: World, rng: Rng, at: () => number, supp: ((i: number) => boolean)[]): void {
  const open = countOpen(w);
  const want = Math.max(1, Math.round(open * 0.012 * w.dailyChurn * (0.7 + rng.next() * 0.6)));
  const nRes = w.res.type.length;
  for (let made = 0, tries = 0; made < want && tries < want * 30; tries++) {
    const r = rng.int(nRes);
    const type = w.res.type.data[r];
    if (type === ECR_REPO || !w.resVisible[r] || w.res.reason.data[r] !== 0 && w.res.reason.data[r] !== reasonCode("SCAN_FREQUENCY_SCAN_ON_PUSH")) continue;
    if (rng.next() * 3 > w.res.weight.data[r]) continue;
    const t = pickTemplate(w, r, rng);
    if (t < 0) continue;
    const time = at();
    const i = addFinding(w, r, t, ACTIVE, time, time, time);
    if (supp[w.res.region.data[r]](i)) w.f.status.data[i] = SUPPRESSED;
    made++;
  }
}

function countOpen(w: World): number {
  let c = 0;
  const st = w.f.status.data;
  for (let i = 0; i < w.f.status.length; i++) if (st[i] <= SUPPRESSED) c++;
  return c;
}

function churnRules(w: World, rng: Rng, t0: number, at: () => number): void {
  const touched = new Set<number>();
  const time = at();
  w.rules = w.rules.filter((r) => {
    if (r.expiresAt !== undefined && r.expiresAt <= t0 + DAY) { touched.add(r.region); return false; }
    return true;
  });
  if (w.day % 6 === 3) {
    const region = rng.int(w.regions.length);
    const list = w.byRegion[region];
    for (let tries = 0; tries < 50 && list.length > 0; tries++) {
      const i = list.data[rng.int(list.length)];
      const t = TEMPLATES[w.f.tpl.data[i]];
      if (w.f.status.data[i] !== ACTIVE || !t.vulnerabilityId || !findingVisible(w, i)) continue;
      const acct = w.accounts[w.res.account.data[w.f.res.data[i]]];
      const rule = newRule(w, region, `accepted-${t.vulnerabilityId.toLowerCase()}-${acct.name}`, "SUPPRESS",
        { vulnerabilityId: [{ comparison: "EQUALS", value: t.vulnerabilityId }], awsAccountId: [{ comparison: "EQUALS", value: acct.id }] },
        time, `Temporary risk acceptance for ${t.vulnerabilityId} in ${acct.name}.`, "Compensating control in place until the next patch window");
      rule.expiresAt = time + (10 + rng.int(10)) * DAY;
      w.rules.push(rule);
      touched.add(region);
      break;
    }
  }
  for (const r of touched) reapplySuppression(w, r, time);
}

function publishExploit(w: World, rng: Rng, at: () => number): void {
  if (!rng.chance(0.35)) return;
  const candidates = TEMPLATES.filter((t) => t.cve && !w.tplExploit[t.index]);
  if (candidates.length === 0) return;
  const t = rng.pick(candidates).index, time = at();
  w.tplExploit[t] = 1;
  w.tplExploitAt[t] = time;
  const f = w.f;
  for (let i = 0; i < f.tpl.length; i++) {
    if (f.tpl.data[i] === t && f.status.data[i] <= SUPPRESSED) { f.exploit.data[i] = 1; f.updated.data[i] = time; }
  }
}

function driftCoverage(w: World, rng: Rng, t0: number, at: () => number): void {
  const R = w.res, n = R.type.length;
  const lose = Math.max(rng.chance(0.5) ? 1 : 0, Math.round(n * 0.003));
  for (let k = 0; k < lose; k++) {
    const r = rng.int(n), type = R.type.data[r];
    if (R.reason.data[r] !== 0 || type === ECR_REPO) continue;
    const reason = type === EC2 ? (rng.chance(0.6) ? "EC2_INSTANCE_STOPPED" : "STALE_INVENTORY") : type === ECR_IMAGE ? "SCAN_ELIGIBILITY_EXPIRED" : "EXCLUDED_BY_TAG";
    R.reason.data[r] = reasonCode(reason);
    if (R.codeReason.data[r] !== 255) R.codeReason.data[r] = reasonCode(reason);
    if (reason === "SCAN_ELIGIBILITY_EXPIRED") closeFindingsOf(w, r, at());
  }
  const pending = reasonCode("PENDING_INITIAL_SCAN");
  for (let r = 0; r < n; r++) {
    if (R.reason.data[r] === pending && rng.chance(0.3)) { R.reason.data[r] = 0; if (R.codeReason.data[r] === pending) R.codeReason.data[r] = 0; }
    if (R.reason.data[r] < 3) R.lastScan.data[r] = Math.round((t0 + DAY - rng.next() * 6 * 3600) * 1000) / 1000;
  }
}

function closeFindingsOf(w: World, r: number, time: number): void {
  const f = w.f, R = w.regions.length;
  const list = w.byAr[w.res.account.data[r] * R + w.res.region.data[r]];
  for (let k = 0; k < list.length; k++) {
    const i = list.data[k];
    if (f.res.data[i] === r && f.status.data[i] <= SUPPRESSED) { f.status.data[i] = CLOSED; f.updated.data[i] = time; }
  }
}

function maybeGoDark(w: World, rng: Rng): void {
  if (!rng.chance(0.04)) return;
  const R = w.regions.length;
  const members = w.accounts.filter((a) => a.role === "member");
  if (members.length < 3) return;
  let dark = 0;
  for (let k = 0; k < w.arState.length; k++) if (w.arState[k] !== ENABLED) dark++;
  if (dark > w.arState.length * 0.1) return;
  const a = rng.pick(members).index, r = rng.int(R), ar = a * R + r;
  if (w.arState[ar] !== ENABLED) return;
  w.arState[ar] = SUSPENDED_STATE;
  for (let s = 0; s < 4; s++) w.scanState[ar * 4 + s] = SUSPENDED_STATE;
  computeVisibility(w);
}
