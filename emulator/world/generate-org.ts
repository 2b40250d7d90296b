import { accountSpecs } from "../catalogue/names";
import { createRng, hash32, hexFrom } from "../prng";
import { DISABLED, ENABLED, SUSPENDED_STATE, type Account } from "./types";

// The organization: a management account, the delegated administrator (index 1) and the
// members, plus which Inspector scans run where. Deterministic from the seed.

export interface Org {
  accounts: Account[];
  orgId: string;
  rootId: string;
  ouIds: Map<string, string>;
  /** An OU's parent OU by name; OUs not named here sit under the root. */
  ouParents: Map<string, string>;
  arState: Uint8Array;
  scanState: Uint8Array;
}

const WORKLOAD_OUS = ["Production", "Staging", "Development"];

function accountIds(seed: number, n: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let i = 0, salt = 0; out.length < n; i++) {
    const hi = 100000 + (hash32(seed, 0xacc, i, salt) % 899999);
    const id = `${hi}${String(hash32(seed, 0xacd, i, salt) % 1000000).padStart(6, "0")}`;
    if (seen.has(id)) { salt++; i--; continue; }
    seen.add(id);
    out.push(id);
  }
  return out;
}

export function generateOrg(seed: number, members: number, regionCount: number, start: number): Org {
  const rng = createRng(seed, 0x0a6);
  const specs = accountSpecs(Math.max(1, members));
  const ids = accountIds(seed, specs.length + 1);
  const mgmt: Account = {
    index: 0, id: ids[0], name: "acme-management", email: "aws-management@example.com", ou: "Root", team: "cloud-platform",
    owner: "cloud-team@example.com", environment: "management", role: "management", joinedAt: start - 1500 * 86400, relationship: "ENABLED",
  };
  const accounts: Account[] = [mgmt, ...specs.map((s, k): Account => ({
    index: k + 1, id: ids[k + 1], name: s.name, email: `aws+${s.name}@example.com`, ou: s.ou, team: s.team, owner: s.owner,
    environment: s.environment, role: k === 0 ? "admin" : "member", joinedAt: start - Math.floor((60 + rng.next() * 1300) * 86400),
    relationship: k > 12 && rng.chance(0.02) ? "CREATED" : "ENABLED",
  }))];
  const R = regionCount;
  const arState = new Uint8Array(accounts.length * R);
  const scanState = new Uint8Array(accounts.length * R * 4);
  for (const acct of accounts) {
    for (let r = 0; r < R; r++) {
      const ar = acct.index * R + r;
      let state = ENABLED;
      if (acct.role === "member") {
        const roll = rng.next();
        if (acct.relationship === "CREATED") state = DISABLED;
        else if (r > 0 && roll < 0.05) state = DISABLED;
        else if (r > 0 && roll < 0.07) state = SUSPENDED_STATE;
        else if (r === 0 && roll < 0.01) state = DISABLED;
      }
      arState[ar] = state;
      const s = (k: number, p: number) => (scanState[ar * 4 + k] = state !== ENABLED ? state : acct.role !== "member" || rng.chance(p) ? ENABLED : DISABLED);
      s(0, 0.95); s(1, 0.88); s(2, 0.88);
      scanState[ar * 4 + 3] = scanState[ar * 4 + 2] !== ENABLED ? scanState[ar * 4 + 2] : rng.chance(acct.role === "member" ? 0.5 : 1) ? ENABLED : DISABLED;
    }
  }
  // Small demo orgs always show one disabled and one suspended region.
  const pinned = (name: string, r: number, state: number) => {
    const a = accounts.find((x) => x.name === name);
    if (!a || r >= R) return;
    arState[a.index * R + r] = state;
    for (let k = 0; k < 4; k++) scanState[(a.index * R + r) * 4 + k] = state;
  };
  pinned("sandbox-bob", R - 1, DISABLED);
  pinned("staging-data", 1, SUSPENDED_STATE);
  suspendOneScanType(accounts, R, arState, scanState);
  const rootId = `r-${hexFrom(4, seed, 0x200)}`;
  const ouIds = new Map<string, string>();
  const ouId = () => `ou-${rootId.slice(2)}-${hexFrom(8, seed, 0x0f0, ouIds.size)}`;
  for (const a of accounts) if (a.ou !== "Root" && !ouIds.has(a.ou)) ouIds.set(a.ou, ouId());
  // As real organizations nest them: the workload OUs sit in an OU that holds no account itself.
  const ouParents = new Map<string, string>();
  for (const name of WORKLOAD_OUS) if (ouIds.has(name)) ouParents.set(name, "Workloads");
  if (ouParents.size) ouIds.set("Workloads", ouId());
  return { accounts, orgId: `o-${hexFrom(10, seed, 0x0e9)}`, rootId, ouIds, ouParents, arState, scanState };
}

/**
 * One scan type suspended while Inspector runs (ECR of a member, first region first): the demo's
 * "ECR scanning is suspended" case. A type that was already off is preferred, so what is scanned stays.
 */
function suspendOneScanType(accounts: Account[], R: number, arState: Uint8Array, scanState: Uint8Array): void {
  const candidates = accounts.filter((a) => a.role === "member" && a.relationship === "ENABLED")
    .flatMap((a) => Array.from({ length: R }, (_, r) => a.index * R + r)).filter((ar) => arState[ar] === ENABLED);
  const ar = candidates.find((x) => scanState[x * 4 + 1] !== ENABLED) ?? candidates.at(-1);
  if (ar !== undefined) scanState[ar * 4 + 1] = SUSPENDED_STATE;
}
