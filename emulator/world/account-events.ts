import { createRng } from "../prng";
import { computeVisibility } from "./findings";
import { withLag } from "./quirks";
import { DISABLED, ENABLED, SUSPENDED_STATE, CLOSED, ECR_REPO, reasonCode, type World } from "./types";

// World changes real AWS makes and the demo does not: an account leaving Inspector (disassociated
// or Inspector disabled), suspended, leaving the organization, coming back; resources terminated;
// the account's Team tag removed in Organizations.
// Each is stamped at the world's clock. Also drawn at random once a day when quirks ask for it.

export const worldChanges = ["leaveInspector", "disableInspector", "suspendAccount", "leaveOrganization", "rejoin", "terminateResource", "untagTeam"] as const;
export type WorldChange = (typeof worldChanges)[number];

function setStates(w: World, a: number, state: number): void {
  const R = w.regions.length;
  for (let r = 0; r < R; r++) {
    w.arState[a * R + r] = state;
    for (let s = 0; s < 4; s++) w.scanState[(a * R + r) * 4 + s] = state;
  }
}

/** Applies one change to the account (or, for terminateResource, one of its resources); false when it does not apply. */
export function applyChange(w: World, change: WorldChange, accountId: string, pick = 0): boolean {
  const a = w.accountById.get(accountId);
  if (a === undefined || a === w.adminIndex) return false;
  const acct = w.accounts[a];
  if (change === "leaveInspector") acct.relationship = "REMOVED";
  else if (change === "disableInspector") { setStates(w, a, DISABLED); acct.disabledAt = w.clock; }
  else if (change === "suspendAccount") { acct.orgState = "SUSPENDED"; setStates(w, a, SUSPENDED_STATE); }
  else if (change === "leaveOrganization") { acct.orgState = "LEFT"; acct.relationship = "REMOVED"; }
  else if (change === "untagTeam") {
    if (acct.teamUntagged) return false;
    acct.teamUntagged = true;
  } else if (change === "rejoin") {
    if (acct.relationship === "CREATED") return false;
    acct.relationship = "ENABLED"; acct.orgState = "ACTIVE"; acct.disabledAt = undefined; setStates(w, a, ENABLED);
  } else return terminateResource(w, a, pick);
  computeVisibility(w);
  w.version++;
  return true;
}

function terminateResource(w: World, a: number, pick: number): boolean {
  const R = w.regions.length, res = w.res, f = w.f;
  // Resources with open findings first: a termination that closes nothing shows nothing.
  const open = new Set<number>();
  for (let r = 0; r < R; r++) {
    const l = w.byAr[a * R + r];
    for (let k = 0; k < l.length; k++) if (f.status.data[l.data[k]] <= 1) open.add(f.res.data[l.data[k]]);
  }
  const mine: number[] = [];
  for (let r = 0; r < R; r++) {
    const l = w.resByAr[a * R + r];
    for (let k = 0; k < l.length; k++) if (res.type.data[l.data[k]] !== ECR_REPO && !w.terminated.has(l.data[k])) mine.push(l.data[k]);
  }
  mine.sort((x, y) => Number(open.has(y)) - Number(open.has(x)) || x - y);
  const withOpen = mine.filter((x) => open.has(x)).length;
  if (!mine.length) return false;
  const r = mine[pick % (withOpen || mine.length)], time = w.clock;
  withLag(w, () => {
    w.terminated.add(r);
    res.reason.data[r] = reasonCode("RESOURCE_TERMINATED");
    if (res.codeReason.data[r] !== 255) res.codeReason.data[r] = reasonCode("RESOURCE_TERMINATED");
    const list = w.byAr[a * R + res.region.data[r]];
    for (let k = 0; k < list.length; k++) {
      const i = list.data[k];
      if (f.res.data[i] === r && f.status.data[i] <= 1) { f.status.data[i] = CLOSED; f.updated.data[i] = time; }
    }
  });
  w.version++;
  return true;
}

/** One simulated day's random quirk events (only those the quirks switch on). */
export function dailyQuirkEvents(w: World): void {
  const rng = createRng(w.seed, 0x9a1c, w.day);
  const members = w.accounts.filter((x) => x.role === "member" && x.relationship === "ENABLED" && (x.orgState ?? "ACTIVE") === "ACTIVE");
  if (w.quirks.accountChurn && members.length > 2 && rng.chance(0.15)) {
    applyChange(w, rng.pick(["leaveInspector", "disableInspector", "suspendAccount", "leaveOrganization"] as const), rng.pick(members).id);
  }
  if (w.quirks.terminations) {
    for (let k = 0; k < 2; k++) { const m = rng.pick(w.accounts); if (w.arState[m.index * w.regions.length] === ENABLED) applyChange(w, "terminateResource", m.id, rng.int(1000)); }
  }
}
