// The explorer's in-use, pull-date and provider conditions (issue 15), next to findings-where.ts.
import { Prisma } from "@/lib/queries/sql";
import { inUseSql, notPulledSql } from "@/lib/queries/in-use-sql";
import type { FindingsFilter } from "./findings-filter";

export function usageWhere(f: Pick<FindingsFilter, "inUse" | "notPulledDays" | "provider" | "providerAccount">): Prisma.Sql[] {
  const c: Prisma.Sql[] = [];
  // Absent means "only": the same default as the overview, so their counts agree.
  if (f.inUse !== "all") c.push(inUseSql(f.inUse ?? "only"));
  if (f.notPulledDays !== undefined) c.push(notPulledSql(f.notPulledDays));
  if (f.provider?.length === 1) c.push(Prisma.sql`f.provider = ${f.provider[0]}`);
  else if (f.provider?.length) c.push(Prisma.sql`f.provider = ANY(${f.provider}::text[])`);
  if (f.providerAccount) c.push(Prisma.sql`f.provider_account_id = ${f.providerAccount}`);
  return c;
}
