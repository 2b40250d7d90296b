// An exception by public id, locked for update, if the actor may see it: every finding it covers
// lies in the actor's scope (and at least one does). Anything else is "no such exception".
import type pg from "pg";
import { z } from "zod";
import type { Scope } from "@/lib/queries/scope";
import { scopeParams } from "./write-context";

export interface VisibleException {
  serial: number;
  publicId: string;
  createdById: string | null;
  approvedAt: Date | null;
  revokedAt: Date | null;
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
    const c = await tx.query<{ inside: number; outside: number }>(
      `SELECT count(*) FILTER (WHERE f.account_id = ANY($2::text[]))::int AS inside,
         count(*) FILTER (WHERE NOT (f.account_id = ANY($2::text[])))::int AS outside
       FROM risk_exceptions e JOIN findings f ON (CASE WHEN e.finding_arn IS NOT NULL THEN f.arn = e.finding_arn
         ELSE f.vulnerability_id = e.vulnerability_id AND (cardinality(e.resource_ids) = 0 OR f.resource_id = ANY(e.resource_ids)) END)
       WHERE e.id = $1`,
      [e.serial, ids],
    );
    if (c.rows[0].inside === 0 || c.rows[0].outside > 0) return null;
  }
  return { serial: e.serial, publicId: e.publicId, createdById: e.createdById, approvedAt: e.approvedAt, revokedAt: e.revokedAt };
}
