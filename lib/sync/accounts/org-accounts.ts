// Names, OUs and owner tags from AWS Organizations, when the role may read them. Each missing
// permission degrades to less detail (and a note on the run), never to a failed sync.
import {
  DescribeOrganizationalUnitCommand, ListParentsCommand, ListTagsForResourceCommand, paginateListAccounts,
  type OrganizationsClient,
} from "@aws-sdk/client-organizations";
import { AwsCallError } from "@/lib/aws/errors";
import { mapLimit } from "../util/map-limit";
import { readOuTree, type OuPlace } from "./org-tree";

export interface OrgAccount {
  id: string;
  name: string | null;
  email: string | null;
  status: string | null;
  joinedAt: Date | null;
  ouId: string | null;
  ouName: string | null;
  owner: string | null;
  team: string | null;
  /** Whether this read got the account's tags: a missing Owner or Team tag is then known to be absent
   *  (otherwise its owner and team are unknown, and the cache keeps what it held). */
  tagsRead: boolean;
}

export interface OrgRead {
  accounts: Map<string, OrgAccount> | null;
  problems: string[];
}

const tagValue = (tags: { Key?: string; Value?: string }[], ...keys: string[]) =>
  tags.find((t) => keys.includes((t.Key ?? "").toLowerCase()))?.Value ?? null;

/** The organization's accounts from ListAccounts (a page per 20 accounts), their OU and tags not read. */
export async function listOrganization(client: OrganizationsClient): Promise<OrgRead> {
  const accounts = new Map<string, OrgAccount>();
  try {
    // The SDK's paginator, as org-tree.ts reads the tree: it stops at an empty or missing NextToken.
    for await (const page of paginateListAccounts({ client }, {})) {
      for (const a of page.Accounts ?? []) {
        if (!a.Id) continue;
        accounts.set(a.Id, {
          id: a.Id, name: a.Name ?? null, email: a.Email ?? null, status: a.State ?? a.Status ?? null,
          joinedAt: a.JoinedTimestamp ?? null, ouId: null, ouName: null, owner: null, team: null, tagsRead: false,
        });
      }
    }
  } catch (err) {
    return { accounts: null, problems: [err instanceof Error ? err.message : String(err)] };
  }
  return { accounts, problems: [] };
}

export interface OrgDetailsRead {
  /** AWS's words for what could not be read, once per kind of failure. */
  problems: string[];
  /** Accounts whose OU and tags were not asked for: the run stopped first. */
  skipped: number;
  /** How the read went when it is worth an operator's attention but lost nothing (error: AWS's words). */
  remarks: { message: string; error?: string }[];
}

/** From this many accounts on, their OUs are read by walking the organization's tree (org-tree.ts). */
const OU_TREE_FROM = 20;

const describe = (err: unknown) => (err instanceof AwsCallError ? `${err.action}: ${err.kind}` : err instanceof Error ? err.message : String(err));

/** Fills in the OU and the Owner and Team tags of the accounts `needsDetails` names: the OUs from the
 *  organization's tree (or, for a few accounts or a role that may not walk it, each account's parent),
 *  the tags one call per account; four calls at a time. Once `signal` is aborted no further account is
 *  started. */
export async function readOrgDetails(
  client: OrganizationsClient, accounts: Map<string, OrgAccount>, needsDetails: (id: string) => boolean, signal?: AbortSignal,
): Promise<OrgDetailsRead> {
  const wanted = [...accounts.values()].filter((a) => needsDetails(a.id));
  const problems: string[] = [];
  const remarks: OrgDetailsRead["remarks"] = [];
  const noted = new Set<string>();
  const note = (err: unknown) => {
    const msg = describe(err);
    if (noted.has(msg)) return;
    noted.add(msg);
    problems.push(err instanceof Error ? err.message : msg);
  };
  const skipped = new Set<string>();
  const each = (items: OrgAccount[], fn: (a: OrgAccount) => Promise<void>) =>
    mapLimit(items, 2, async (a) => {
      if (signal?.aborted) skipped.add(a.id);
      else await fn(a);
    });

  const ouNames = new Map<string, Promise<string | null>>();
  const ouName = (id: string) => {
    if (!ouNames.has(id)) {
      ouNames.set(id, client.send(new DescribeOrganizationalUnitCommand({ OrganizationalUnitId: id })).then((r) => r.OrganizationalUnit?.Name ?? null));
    }
    return ouNames.get(id)!;
  };
  const askParent = async (a: OrgAccount) => {
    try {
      const parent = (await client.send(new ListParentsCommand({ ChildId: a.id }))).Parents?.[0];
      if (parent?.Type === "ORGANIZATIONAL_UNIT" && parent.Id) {
        a.ouId = parent.Id;
        a.ouName = await ouName(parent.Id);
      } else if (parent?.Type === "ROOT") {
        a.ouId = parent.Id ?? null;
        a.ouName = "Root";
      }
    } catch (err) {
      note(err);
    }
  };
  const readOus = async () => {
    let tree: Map<string, OuPlace> | null = null;
    if (wanted.length >= OU_TREE_FROM) {
      try {
        tree = await readOuTree(client, signal);
      } catch (err) {
        if (!signal?.aborted) {
          const denied = err instanceof AwsCallError && err.kind === "ACCESS_DENIED";
          remarks.push({
            message: `OUs read one account at a time: the organization's tree could not be walked${denied ? "; allowing organizations:ListRoots, ListOrganizationalUnitsForParent and ListAccountsForParent takes fewer calls" : ""}`,
            error: describe(err),
          });
        }
      }
    }
    for (const a of wanted) {
      const place = tree?.get(a.id);
      if (place) Object.assign(a, place);
    }
    // An account that joined after the walk began is not in the tree: asked on its own.
    await each(tree ? wanted.filter((a) => !tree.has(a.id)) : wanted, askParent);
  };
  const readTags = () =>
    each(wanted, async (a) => {
      try {
        const tags = (await client.send(new ListTagsForResourceCommand({ ResourceId: a.id }))).Tags ?? [];
        a.owner = tagValue(tags, "owner");
        a.team = tagValue(tags, "team");
        a.tagsRead = true;
      } catch (err) {
        note(err);
      }
    });
  await Promise.all([readOus(), readTags()]);
  return { problems, skipped: skipped.size, remarks };
}
