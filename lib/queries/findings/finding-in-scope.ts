// Whether a finding exists within the viewer's scope: one indexed lookup, for the 404 decision.
import { Prisma, queryOne } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";

export async function findingInScope(scope: Scope, arn: string): Promise<boolean> {
  const row = await queryOne<{ ok: number }>(Prisma.sql`
    SELECT 1 AS ok FROM findings f WHERE f.arn = ${arn} AND ${scopeWhere(scope, Prisma.sql`f.account_id`)}`);
  return row !== undefined;
}
