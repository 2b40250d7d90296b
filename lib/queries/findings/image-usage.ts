// A finding's image-usage and provider columns for its detail page (kept apart from
// finding-detail.ts's big select). Scope applies as everywhere.
import { Prisma, queryOne } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";

export interface FindingUsageRow {
  resource_type: string;
  resource_id: string;
  region: string;
  in_use_count: number | null;
  last_in_use_at: Date | null;
  image_pulled_at: Date | null;
  provider: string;
  provider_account_id: string | null;
}

export async function getFindingUsage(scope: Scope, arn: string): Promise<FindingUsageRow | undefined> {
  return queryOne<FindingUsageRow>(Prisma.sql`
    SELECT resource_type, resource_id, region, in_use_count, last_in_use_at, image_pulled_at, provider, provider_account_id
    FROM findings f WHERE f.arn = ${arn} AND ${scopeWhere(scope, Prisma.sql`f.account_id`)}`);
}
