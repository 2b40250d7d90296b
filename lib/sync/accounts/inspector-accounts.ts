// Who the delegated admin manages in one region: ListMembers (every relationship) and the
// Inspector state of each account per scan type from BatchGetAccountStatus (100 per call).
import { BatchGetAccountStatusCommand, ListMembersCommand, type Inspector2Client } from "@aws-sdk/client-inspector2";
import { fromAccountState, fromFailedAccount, type AccountRegionState } from "../map/account-state";
import { chunk, mapLimit } from "../util/map-limit";

export interface RegionAccounts {
  region: string;
  /** accountId → relationship status ("SELF" for the delegated admin itself). */
  relationships: Map<string, string>;
  states: Map<string, AccountRegionState>;
}

export async function listAllMembers(client: Inspector2Client): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let nextToken: string | undefined;
  do {
    const page = await client.send(new ListMembersCommand({ onlyAssociated: false, maxResults: 50, nextToken }));
    for (const m of page.members ?? []) if (m.accountId) out.set(m.accountId, m.relationshipStatus ?? "UNKNOWN");
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return out;
}

export async function accountStates(client: Inspector2Client, accountIds: string[]): Promise<Map<string, AccountRegionState>> {
  const out = new Map<string, AccountRegionState>();
  await mapLimit(chunk(accountIds, 100), 2, async (ids) => {
    const res = await client.send(new BatchGetAccountStatusCommand({ accountIds: ids }));
    for (const a of res.accounts ?? []) if (a.accountId) out.set(a.accountId, fromAccountState(a));
    for (const f of res.failedAccounts ?? []) if (f.accountId) out.set(f.accountId, fromFailedAccount(f));
  });
  return out;
}

export async function readRegionAccounts(client: Inspector2Client, region: string, adminAccountId: string): Promise<RegionAccounts> {
  const relationships = await listAllMembers(client);
  relationships.set(adminAccountId, "SELF");
  const states = await accountStates(client, [...relationships.keys()].sort());
  return { region, relationships, states };
}
