import { ApiError } from "../http/errors";
import type { World } from "../world/types";

// AWS Organizations (JSON 1.1, X-Amz-Target) over the demo organization.

type Body = Record<string, unknown>;
const err = (code: string, message: string) => new ApiError(400, code, message);

function paged<T>(items: T[], body: Body, key: string) {
  const max = body.MaxResults === undefined ? 20 : Number(body.MaxResults);
  if (!Number.isInteger(max) || max < 1 || max > 20) throw err("InvalidInputException", "You provided a value that does not match the required pattern: MaxResults must be between 1 and 20.");
  let offset = 0;
  if (typeof body.NextToken === "string" && body.NextToken) {
    const raw = Buffer.from(body.NextToken, "base64url").toString();
    offset = Number(raw);
    if (!/^\d+$/.test(raw)) throw err("InvalidInputException", "The NextToken is invalid.");
  }
  const next = offset + max < items.length ? Buffer.from(String(offset + max)).toString("base64url") : undefined;
  return { [key]: items.slice(offset, offset + max), ...(next ? { NextToken: next } : {}) };
}

function account(w: World, a: number) {
  const acct = w.accounts[a], mgmt = w.accounts[w.managementIndex].id;
  return {
    Id: acct.id, Arn: `arn:aws:organizations::${mgmt}:account/${w.orgId}/${acct.id}`, Email: acct.email, Name: acct.name,
    Status: acct.orgState === "SUSPENDED" ? "SUSPENDED" : "ACTIVE", State: acct.orgState === "SUSPENDED" ? "SUSPENDED" : "ACTIVE", JoinedMethod: acct.role === "management" ? "CREATED" : a % 5 === 3 ? "INVITED" : "CREATED", JoinedTimestamp: acct.joinedAt,
  };
}

function ou(w: World, name: string) {
  const id = w.ouIds.get(name)!;
  return { Id: id, Arn: `arn:aws:organizations::${w.accounts[w.managementIndex].id}:ou/${w.orgId}/${id}`, Name: name };
}

const parentOf = (w: World, a: number) => (w.accounts[a].ou === "Root" ? { Id: w.rootId, Type: "ROOT" } : { Id: w.ouIds.get(w.accounts[a].ou)!, Type: "ORGANIZATIONAL_UNIT" });

const ouNameOf = (w: World, id: unknown) => [...w.ouIds].find(([, ouId]) => ouId === id)?.[0];

function accountIndex(w: World, id: unknown, code = "AccountNotFoundException"): number {
  const a = typeof id === "string" ? w.accountById.get(id) : undefined;
  if (a === undefined) throw err(code, "You specified an account that doesn't exist.");
  return a;
}

export function handleOrganizations(w: World, op: string, body: Body): unknown {
  const mgmt = w.accounts[w.managementIndex];
  switch (op) {
    case "DescribeOrganization":
      return { Organization: { Id: w.orgId, Arn: `arn:aws:organizations::${mgmt.id}:organization/${w.orgId}`, FeatureSet: "ALL", MasterAccountArn: account(w, 0).Arn, MasterAccountId: mgmt.id, MasterAccountEmail: mgmt.email } };
    case "ListAccounts":
      return paged(w.accounts.filter((a) => a.orgState !== "LEFT").map((a) => account(w, a.index)), body, "Accounts");
    case "DescribeAccount":
      return { Account: account(w, accountIndex(w, body.AccountId)) };
    case "ListRoots":
      return paged([{ Id: w.rootId, Arn: `arn:aws:organizations::${mgmt.id}:root/${w.orgId}/${w.rootId}`, Name: "Root", PolicyTypes: [] }], body, "Roots");
    case "ListOrganizationalUnitsForParent": {
      const parent = body.ParentId === w.rootId ? undefined : ouNameOf(w, body.ParentId);
      if (body.ParentId !== w.rootId && !parent) throw err("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.");
      return paged([...w.ouIds.keys()].filter((n) => w.ouParents.get(n) === parent).map((n) => ou(w, n)), body, "OrganizationalUnits");
    }
    case "ListAccountsForParent": {
      const name = body.ParentId === w.rootId ? "Root" : ouNameOf(w, body.ParentId);
      if (!name) throw err("ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.");
      return paged(w.accounts.filter((a) => a.ou === name && a.orgState !== "LEFT").map((a) => account(w, a.index)), body, "Accounts");
    }
    case "DescribeOrganizationalUnit": {
      const name = ouNameOf(w, body.OrganizationalUnitId);
      if (!name) throw err("OrganizationalUnitNotFoundException", "We can't find an OU with the OrganizationalUnitId that you specified.");
      return { OrganizationalUnit: ou(w, name) };
    }
    case "ListParents": {
      const ouName = ouNameOf(w, body.ChildId);
      if (ouName) {
        const up = w.ouParents.get(ouName);
        return paged([up ? { Id: w.ouIds.get(up)!, Type: "ORGANIZATIONAL_UNIT" } : { Id: w.rootId, Type: "ROOT" }], body, "Parents");
      }
      return paged([parentOf(w, accountIndex(w, body.ChildId, "ChildNotFoundException"))], body, "Parents");
    }
    case "ListTagsForResource": {
      const a = accountIndex(w, body.ResourceId, "TargetNotFoundException");
      const acct = w.accounts[a];
      const tags = [{ Key: "Owner", Value: acct.owner }, { Key: "Team", Value: acct.teamUntagged ? undefined : acct.team }, { Key: "Environment", Value: acct.environment }, { Key: "CostCenter", Value: `cc-${1000 + (a % 37) * 10}` }];
      return paged(tags.filter((t) => t.Value !== undefined), body, "Tags");
    }
    default:
      throw new ApiError(400, "UnknownOperationException", `Operation ${op} is not supported by this emulator.`);
  }
}
