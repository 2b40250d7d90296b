// How one region's listing is split so its requests can run in parallel. The API cannot sort
// by updatedAt, so splits are by filter: one per account on a full listing (large accounts
// further by severity, with a catch-all for unknown severities), and on an incremental listing
// groups of up to ten accounts, which keeps the per-run constant of empty pages small.
import type { FilterCriteria } from "@aws-sdk/client-inspector2";
import { severityOrder, type Severity } from "@/lib/domain/severity";
import { chunk } from "../util/map-limit";

export interface Partition {
  key: string;
  accounts: string[];
  /** Incremental: findings updated at or after this instant. */
  since?: Date;
  /** A large account's split: one severity, or "other" for every severity not in the list. */
  severity?: Severity | "other";
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

// A region's plan holds one partition per account on a full listing (4,000 at 2,000 accounts in two
// regions), and each stays referenced by its result until the region is done: partitions carry
// only what tells them apart, and the filter is built for the requests.
export function planPartitions({ accounts, since, large }: PlanInput): Partition[] {
  if (since) {
    return chunk([...accounts].sort(), ACCOUNTS_PER_INCREMENTAL_PARTITION).map((ids) => ({ key: `updated:${ids[0]}+${ids.length}`, accounts: ids, since }));
  }
  return [...accounts].sort().flatMap((id): Partition[] => {
    const accounts = [id];
    if (!large?.has(id)) return [{ key: id, accounts }];
    return [...severityOrder, "other" as const].map((severity) => ({ key: `${id}/${severity}`, accounts, severity }));
  });
}

/** The ListFindings filter of one partition. */
export function partitionFilter(p: Partition): FilterCriteria {
  const filter: FilterCriteria = { awsAccountId: p.accounts.map(eq) };
  if (p.since) filter.updatedAt = [{ startInclusive: p.since }];
  if (p.severity === "other") filter.severity = severityOrder.map((value) => ({ comparison: "NOT_EQUALS" as const, value }));
  else if (p.severity) filter.severity = [eq(p.severity)];
  return filter;
}
