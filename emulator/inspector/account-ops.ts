import { notFound } from "../http/errors";
import { SCAN_KEYS, STATE, ENABLED, type World } from "../world/types";
import { hasCodeRepos } from "../code/code-repos";
import { decodeToken, encodeToken, maxResults, stringList, type Body } from "./params";

// Organization-level Inspector operations answered from the account-region states.

function page<T>(items: T[], body: Body, max: number) {
  const size = maxResults(body, max);
  const offset = Number(decodeToken(body)?.o ?? 0);
  const next = offset + size < items.length ? encodeToken({ o: offset + size }) : undefined;
  return { items: items.slice(offset, offset + size), next };
}

function memberOf(w: World, a: number, region: number) {
  const acct = w.accounts[a];
  const state = w.arState[a * w.regions.length + region];
  const relationshipStatus = acct.relationship !== "ENABLED" ? acct.relationship : acct.orgState === "SUSPENDED" ? "ACCOUNT_SUSPENDED"
    : state === ENABLED || STATE[state] === "SUSPENDED" ? "ENABLED" : "DISABLED";
  return { accountId: acct.id, relationshipStatus, delegatedAdminAccountId: w.accounts[w.adminIndex].id, updatedAt: acct.joinedAt + 3600 };
}

export function listMembers(w: World, region: number, body: Body) {
  const onlyAssociated = body.onlyAssociated !== false;
  const all = w.accounts.filter((a) => a.index !== w.adminIndex && a.orgState !== "LEFT").map((a) => memberOf(w, a.index, region))
    .filter((m) => !onlyAssociated || m.relationshipStatus !== "CREATED");
  const { items, next } = page(all, body, 50);
  return { members: items, ...(next ? { nextToken: next } : {}) };
}

export function getMember(w: World, region: number, body: Body) {
  const id = body.accountId;
  const a = typeof id === "string" ? w.accountById.get(id) : undefined;
  if (a === undefined || a === w.adminIndex) throw notFound(`Member account ${String(id)} was not found.`);
  return { member: memberOf(w, a, region) };
}

function stateOf(code: number) {
  const status = STATE[code];
  return code === ENABLED ? { status } : { status, errorCode: status === "SUSPENDED" ? "SUSPEND_IN_PROGRESS" : "RESOURCE_NOT_FOUND", errorMessage: `Amazon Inspector is ${status.toLowerCase()} for this account.` };
}

export function batchGetAccountStatus(w: World, region: number, body: Body) {
  const ids = stringList(body, "accountIds", 0, 100, /^\d{12}$/) ?? [w.accounts[w.adminIndex].id];
  const accounts: unknown[] = [], failedAccounts: unknown[] = [];
  const R = w.regions.length;
  for (const id of ids) {
    const a = w.accountById.get(id);
    if (a === undefined || w.accounts[a].relationship === "REMOVED") {
      failedAccounts.push({ accountId: id, errorCode: "ACCESS_DENIED", errorMessage: "The account is not a member of the organization." });
      continue;
    }
    const ar = a * R + region;
    const resourceState: Record<string, unknown> = {};
    SCAN_KEYS.forEach((k, s) => (resourceState[k] = stateOf(w.scanState[ar * 4 + s])));
    resourceState.codeRepository = stateOf(w.arState[ar] === ENABLED && hasCodeRepos(w, id, region) ? ENABLED : w.arState[ar] === ENABLED ? 1 : w.arState[ar]);
    accounts.push({ accountId: id, state: stateOf(w.arState[ar]), resourceState });
  }
  return { accounts, failedAccounts };
}

export function getDelegatedAdminAccount(w: World) {
  return { delegatedAdmin: { accountId: w.accounts[w.adminIndex].id, relationshipStatus: "ENABLED" } };
}

export function listDelegatedAdminAccounts(w: World, _region: number, body: Body) {
  const { items, next } = page([{ accountId: w.accounts[w.adminIndex].id, status: "ENABLED" }], body, 5);
  return { delegatedAdminAccounts: items, ...(next ? { nextToken: next } : {}) };
}

/** The demo's auto-enable gap: Lambda code is auto-enabled in the first region only, code repositories nowhere. */
export function describeOrganizationConfiguration(_w: World, region: number) {
  return { autoEnable: { ec2: true, ecr: true, lambda: true, lambdaCode: region === 0, codeRepository: false }, maxAccountLimitReached: false };
}
