// An exception by public id, locked for update, if the actor may see it: every finding it covers
// lies in the actor's scope (and at least one does). Anything else is "no such exception".
// "Covers" is the one coverage rule of the review, the explorer and the gate (exceptionCoversSql:
// by ARN, or by key and aliases both ways on any resource of the finding), so a finding that counts
// as excepted anywhere also counts here when deciding whether the exception reaches outside the scope.
import type pg from "pg";
import { z } from "zod";
import { exceptionCoversSql } from "@/lib/queries/review/exception-sql";
import { Prisma } from "@/lib/queries/sql";
import type { Scope } from "@/lib/queries/scope";
import { scopeParams } from "./write-context";

export interface VisibleException {
  serial: number;
  publicId: string;
  createdById: string | null;
  approvedAt: Date | null;
  revokedAt: Date | null;
}

/** How many findings an exception covers inside and outside a list of accounts. */
export function exceptionReachSql(serial: number, accountIds: string[]): Prisma.Sql {
  return Prisma.sql`SELECT count(*) FILTER (WHERE f.account_id = ANY(${accountIds}::text[]))::int AS inside,
      count(*) FILTER (WHERE NOT (f.account_id = ANY(${accountIds}::text[])))::int AS outside
    FROM risk_exceptions e JOIN findings f ON ${exceptionCoversSql(Prisma.sql`e`, Prisma.sql`f`)}
    WHERE e.id = ${serial}`;
}

export async function findVisibleException(tx: pg.PoolClient, scope: Scope, id: unknown): Promise<VisibleException | null> {
  const parsed = z.uuid().safeParse(id);
  if (!parsed.success) return null;
  const [all, ids] = scopeParams(scope);
  const { rows } = await tx.query<VisibleException>(
    `SELECT id AS serial, public_id::text AS "publicId", created_by_id AS "createdById", approved_at AS "approvedAt", revoked_at AS "revokedAt"
     FROM risk_exceptions WHERE public_id = $1::uuid FOR UPDATE`,
    [parsed.data],
  );
  const e = rows[0];
  if (!e) return null;
  if (!all) {
    const q = exceptionReachSql(e.serial, ids);
    const c = await tx.query<{ inside: number; outside: number }>(q.text, q.values as unknown[]);
    if (c.rows[0].inside === 0 || c.rows[0].outside > 0) return null;
  }
  return { serial: e.serial, publicId: e.publicId, createdById: e.createdById, approvedAt: e.approvedAt, revokedAt: e.revokedAt };
}
