// Where the overview's open counts come from: the rollups (finding_rollups, kept by triggers on
// findings) or the findings themselves. Both read under the alias "f" with the same key columns, so
// one query text serves both; the findings path stays as the reference the rollups are tested
// against, and for any filter the rollups cannot answer.
import { Prisma } from "@/lib/queries/sql";
import { inUseSql } from "@/lib/queries/in-use-sql";
import { openSql } from "@/lib/queries/lifecycle-sql";
import type { Scope } from "@/lib/queries/scope";
import type { InUseMode } from "@/lib/domain/in-use";

export type CountSource = "rollups" | "findings";

export interface CountFrom {
  /** `<table> f` */
  from: Prisma.Sql;
  /** How many findings a group holds, and of those exploitable / with a fix (ints). */
  n: Prisma.Sql;
  exploitable: Prisma.Sql;
  fixable: Prisma.Sql;
  /** The "In use only" switch's predicate on f. */
  inUse(mode: InUseMode | undefined): Prisma.Sql;
  /** The other cloud's account id, NULL when Inspector sent none. */
  providerAccount: Prisma.Sql;
}

/** The rollups' idle cell is the finding's idleImageSql (lib/queries/in-use-sql.ts), precomputed. */
function rollupInUseSql(mode: InUseMode | undefined): Prisma.Sql {
  if (mode === "all") return Prisma.sql`TRUE`;
  return mode === "idle" ? Prisma.sql`f.idle` : Prisma.sql`NOT f.idle`;
}

const sources: Record<CountSource, CountFrom> = {
  rollups: {
    from: Prisma.sql`finding_rollups f`,
    n: Prisma.sql`sum(f.findings)::int`,
    exploitable: Prisma.sql`sum(f.exploitable)::int`,
    fixable: Prisma.sql`sum(f.fixable)::int`,
    inUse: rollupInUseSql,
    providerAccount: Prisma.sql`NULLIF(f.provider_account_id, '')`,
  },
  findings: {
    from: Prisma.sql`findings f`,
    n: Prisma.sql`count(*)::int`,
    exploitable: Prisma.sql`(count(*) FILTER (WHERE f.exploit_available = 'YES'))::int`,
    fixable: Prisma.sql`(count(*) FILTER (WHERE f.fix_available = 'YES'))::int`,
    inUse: (mode) => inUseSql(mode, "f"),
    providerAccount: Prisma.sql`f.provider_account_id`,
  },
};

export const countFrom = (source: CountSource): CountFrom => sources[source];

/** What a per-account open count reads: with no region filter, the rollups' per-account open cells
 *  (open_rollups_by_account, kept by triggers on finding_rollups: ~6 rows per account where
 *  finding_rollups has one per region x type too, 344k open rows at 10M findings); else `source`. */
export type PerAccountFrom = Pick<CountFrom, "from" | "n" | "inUse" | "providerAccount"> & { open: Prisma.Sql };

export function perAccountFrom(source: CountSource, regions: readonly string[]): PerAccountFrom {
  return openCountFrom(source, source === "rollups" && !regions.length ? Prisma.sql`open_rollups_by_account f` : null);
}

/** What an open count per region x resource type reads: with every account in scope, the rollups'
 *  open cells summed over accounts (open_rollups_by_region_type, ~10 shards x regions x types x
 *  severities however many accounts); a scoped role's counts need the account, so `source`. */
export type PerRegionTypeFrom = Omit<CountFrom, "providerAccount"> & { open: Prisma.Sql };

export function perRegionTypeFrom(source: CountSource, scope: Scope): PerRegionTypeFrom {
  return openCountFrom(source, source === "rollups" && scope.accountIds === "all" ? Prisma.sql`open_rollups_by_region_type f` : null);
}

/** `source` with the open predicate; or an open rollup table (only open cells: no predicate), which
 *  sums like finding_rollups and has its idle column. */
function openCountFrom(source: CountSource, openRollup: Prisma.Sql | null): CountFrom & { open: Prisma.Sql } {
  const c = sources[source];
  return openRollup ? { ...c, from: openRollup, open: Prisma.sql`TRUE` } : { ...c, open: openSql("f") };
}
