// Which OU each account sits in, read by walking the organization's tree: the roots, then for each
// parent (a root, then every OU, nested ones included) its child OUs and its accounts. That costs
// two calls per OU and a page per 20 accounts. Asking each account's parent costs one ListParents per
// account (and a DescribeOrganizationalUnit per OU for its name), and Organizations throttles both:
// at 2,000 accounts in a dozen OUs, ~130 calls against ~2,000.
import {
  paginateListAccountsForParent, paginateListOrganizationalUnitsForParent, paginateListRoots, type OrganizationsClient,
} from "@aws-sdk/client-organizations";

export interface OuPlace {
  ouId: string;
  /** The OU's own name ("Root" for a root), not its path. */
  ouName: string;
}

const PAGE = 20; // Organizations' largest page

async function all<P, T>(pages: AsyncIterable<P>, items: (page: P) => T[] | undefined): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...(items(page) ?? []));
  return out;
}

/** Every account's direct parent. Throws the first failed call (or "stopped" once `signal` is
 *  aborted): the caller then asks account by account. */
export async function readOuTree(client: OrganizationsClient, signal?: AbortSignal): Promise<Map<string, OuPlace>> {
  const opts = { client, pageSize: PAGE };
  const placed = new Map<string, OuPlace>();
  const roots = await all(paginateListRoots(opts, {}), (p) => p.Roots);
  let level: OuPlace[] = roots.flatMap((r) => (r.Id ? [{ ouId: r.Id, ouName: "Root" }] : []));
  const seen = new Set(level.map((p) => p.ouId));
  while (level.length) {
    const next: OuPlace[] = [];
    for (const parent of level) {
      if (signal?.aborted) throw new Error("stopped: the run ended before the OU tree was read");
      const [ous, accounts] = await Promise.all([
        all(paginateListOrganizationalUnitsForParent(opts, { ParentId: parent.ouId }), (p) => p.OrganizationalUnits),
        all(paginateListAccountsForParent(opts, { ParentId: parent.ouId }), (p) => p.Accounts),
      ]);
      for (const a of accounts) if (a.Id) placed.set(a.Id, parent);
      for (const ou of ous) {
        if (!ou.Id || seen.has(ou.Id)) continue;
        seen.add(ou.Id);
        next.push({ ouId: ou.Id, ouName: ou.Name ?? ou.Id });
      }
    }
    level = next;
  }
  return placed;
}
