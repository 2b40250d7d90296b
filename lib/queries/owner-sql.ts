// The SQL form of resolveOwner (lib/review/owner.ts) over an `accounts a` row, so the heatmap,
// the explorer's owner filter and the review group accounts the same way. The sync stores an
// INSPECTORATE_OWNERS override as the team, so: override or Team tag, then Owner tag, then OU.
import { Prisma } from "@/lib/queries/sql";
import { UNOWNED } from "@/lib/review/owner";

export const resolvedOwnerSql = Prisma.sql`COALESCE(NULLIF(btrim(a.team), ''), NULLIF(btrim(a.owner), ''), NULLIF(btrim(a.ou_name), ''), ${UNOWNED})`;
