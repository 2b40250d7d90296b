// Remediated vs removed: Inspector also closes a finding when its instance is terminated, its
// image deleted or scanning turned off. A closure counts as remediated only while the resource
// still exists and is still scanned — coverage (covered_resources) says so; else it was removed.
import { Prisma } from "@/lib/generated/prisma/client";

import type { ClosureKind } from "@/lib/domain/closure";

/** The finding's resource is still listed by coverage and actively scanned. */
export function remediatedSql(alias: string): Prisma.Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  const f = (c: string) => Prisma.raw(`${alias}.${c}`);
  return Prisma.sql`EXISTS (SELECT 1 FROM covered_resources cr_live WHERE cr_live.region = ${f("region")}
    AND cr_live.resource_id = ${f("resource_id")} AND cr_live.scan_status_code = ${"ACTIVE"})`;
}

export function closureSql(alias: string, kind: ClosureKind): Prisma.Sql {
  return kind === "remediated" ? remediatedSql(alias) : Prisma.sql`NOT ${remediatedSql(alias)}`;
}
