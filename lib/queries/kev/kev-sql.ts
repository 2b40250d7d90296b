// CISA KEV membership of a finding, from the details cached per vulnerability (vulnerability_intel).
// Three states, never two: YES, NO (details fetched, not in KEV) and unknown (never fetched, or
// Inspector had no details) — an unfetched finding must not read as "not in KEV".
import { Prisma } from "@/lib/queries/sql";
import type { KevFilter } from "@/lib/domain/kev";

const col = (alias: string, c: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return Prisma.raw(`${alias}.${c}`);
};

/** 'YES', 'NO' or NULL (unknown) for the finding row `alias`. */
export function kevStateSql(alias: string): Prisma.Sql {
  return Prisma.sql`(SELECT CASE WHEN vi.in_kev THEN 'YES' WHEN NOT vi.in_kev THEN 'NO' END
    FROM vulnerability_intel vi WHERE vi.vulnerability_id = ${col(alias, "vulnerability_id")})`;
}

export function kevFilterSql(alias: string, v: KevFilter): Prisma.Sql {
  const id = col(alias, "vulnerability_id");
  if (v === "YES") return Prisma.sql`${id} IN (SELECT vulnerability_id FROM vulnerability_intel WHERE in_kev)`;
  if (v === "NO") return Prisma.sql`${id} IN (SELECT vulnerability_id FROM vulnerability_intel WHERE in_kev = false)`;
  return Prisma.sql`NOT EXISTS (SELECT 1 FROM vulnerability_intel vi WHERE vi.vulnerability_id = ${id} AND vi.in_kev IS NOT NULL)`;
}

/** The KEV due date of the finding `alias` when its vulnerability is in KEV, else NULL. */
export function kevDueSql(alias: string): Prisma.Sql {
  return Prisma.sql`(SELECT vi.kev_date_due FROM vulnerability_intel vi WHERE vi.vulnerability_id = ${col(alias, "vulnerability_id")} AND vi.in_kev)`;
}
