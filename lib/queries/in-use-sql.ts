// The one SQL definition of the "In use only" switch (lib/domain/in-use.ts) and the explorer's
// pull-date filter. Only ECR image findings are ever left out; NULL (unknown usage) counts as in use.
import { Prisma } from "@/lib/generated/prisma/client";
import type { InUseMode } from "@/lib/domain/in-use";

export const ECR_IMAGE = "AWS_ECR_CONTAINER_IMAGE";

/** The type as a literal, so the predicates carry no parameters: the alert rules embed their text in
 *  statements with numbered parameters of their own, and partial indexes match it as written. */
const ECR_IMAGE_LITERAL = Prisma.raw(`'${ECR_IMAGE}'`);

const col = (alias: string, name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`not a table alias: ${alias}`);
  return Prisma.raw(`${alias}.${name}`);
};

/** Findings on ECR images known to run nowhere (inUseCount = 0). */
export function idleImageSql(alias = "f"): Prisma.Sql {
  return Prisma.sql`(${col(alias, "resource_type")} = ${ECR_IMAGE_LITERAL} AND ${col(alias, "in_use_count")} = 0)`;
}

/** The switch's predicate; TRUE for "all". */
export function inUseSql(mode: InUseMode | undefined, alias = "f"): Prisma.Sql {
  if (mode === "all") return Prisma.sql`TRUE`;
  if (mode === "idle") return idleImageSql(alias);
  // IS DISTINCT FROM keeps NULL (unknown) and every other resource type (never given a count).
  return Prisma.sql`(${col(alias, "resource_type")} <> ${ECR_IMAGE_LITERAL} OR ${col(alias, "in_use_count")} IS DISTINCT FROM 0)`;
}

/** ECR images not pulled for `days` days: last pull before then, or idle and never pulled. */
export function notPulledSql(days: number, alias = "f"): Prisma.Sql {
  const pulled = col(alias, "image_pulled_at");
  return Prisma.sql`(${col(alias, "resource_type")} = ${ECR_IMAGE_LITERAL} AND (${pulled} < now() - make_interval(days => ${days}::int)
    OR (${pulled} IS NULL AND ${col(alias, "in_use_count")} = 0)))`;
}
