// What the "In use only" switch does to the open counts, for its explanation: how many open
// findings (and images) it leaves out, and how many images have unknown usage (kept in).
import { Prisma, queryOne } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";
import { openSql } from "@/lib/queries/lifecycle-sql";
import { ECR_IMAGE, idleImageSql } from "@/lib/queries/in-use-sql";
import { regionWhere } from "./overview-tiles";

export interface ImageUsageSummary {
  /** Open findings on images known to run nowhere, and those images. */
  idleFindings: number;
  idleImages: number;
  /** Images with open findings whose usage Inspector has not reported. */
  unknownImages: number;
  /** Images with open findings whose usage is known (0 = no in-use data yet). */
  knownImages: number;
}

export async function getImageUsageSummary(scope: Scope, regions: string[]): Promise<ImageUsageSummary> {
  const row = await queryOne<ImageUsageSummary>(Prisma.sql`
    SELECT count(*) FILTER (WHERE ${idleImageSql("f")})::int AS "idleFindings",
      count(DISTINCT f.resource_id) FILTER (WHERE ${idleImageSql("f")})::int AS "idleImages",
      count(DISTINCT f.resource_id) FILTER (WHERE f.in_use_count IS NULL)::int AS "unknownImages",
      count(DISTINCT f.resource_id) FILTER (WHERE f.in_use_count IS NOT NULL)::int AS "knownImages"
    FROM findings f
    WHERE ${openSql("f")} AND f.resource_type = ${ECR_IMAGE} AND ${scopeWhere(scope, Prisma.sql`f.account_id`)}
      AND ${regionWhere(Prisma.sql`f.region`, regions)}`);
  return row ?? { idleFindings: 0, idleImages: 0, unknownImages: 0, knownImages: 0 };
}
