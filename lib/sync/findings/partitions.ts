// How one region's listing is split so its requests can run in parallel. The API cannot sort
// by updatedAt, so splits are by filter: one per account on a full listing (large accounts
// further by severity, with a catch-all for unknown severities), and on an incremental listing
// groups of up to ten accounts, which keeps the per-run constant of empty pages small.
import type { FilterCriteria } from "@aws-sdk/client-inspector2";
import { severityOrder } from "@/lib/domain/severity";
import { chunk } from "../util/map-limit";

export interface Partition {
  key: string;
  accounts: string[];
  filter: FilterCriteria;
}

export interface PlanInput {
  accounts: string[];
  /** Incremental listings read findings updated at or after this instant; undefined = full. */
  since?: Date;
  /** Accounts expected to hold more than LARGE_ACCOUNT findings in this region. */
  large?: Set<string>;
}

export const LARGE_ACCOUNT = 3_000;
const ACCOUNTS_PER_INCREMENTAL_PARTITION = 10;

const eq = (value: string) => ({ comparison: "EQUALS" as const, value });

export function planPartitions({ accounts, since, large }: PlanInput): Partition[] {
  if (since) {
    return chunk([...accounts].sort(), ACCOUNTS_PER_INCREMENTAL_PARTITION).map((ids) => ({
      key: `updated:${ids[0]}+${ids.length}`,
      accounts: ids,
      filter: { awsAccountId: ids.map(eq), updatedAt: [{ startInclusive: since }] },
    }));
  }
  return [...accounts].sort().flatMap((id): Partition[] => {
    if (!large?.has(id)) return [{ key: id, accounts: [id], filter: { awsAccountId: [eq(id)] } }];
    return [
      ...severityOrder.map((sev) => ({ key: `${id}/${sev}`, accounts: [id], filter: { awsAccountId: [eq(id)], severity: [eq(sev)] } })),
      {
        key: `${id}/other`,
        accounts: [id],
        filter: { awsAccountId: [eq(id)], severity: severityOrder.map((value) => ({ comparison: "NOT_EQUALS" as const, value })) },
      },
    ];
  });
}
