// Runs a parameterised Prisma.sql fragment on the shared pg pool: read models build SQL with
// Prisma.sql/join and read plain rows (counts cast to int in SQL, so no BigInt reaches React).
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";

export { Prisma };

export async function queryRows<T>(query: Prisma.Sql): Promise<T[]> {
  const result = await db().pool.query(query.text, query.values as unknown[]);
  return result.rows as T[];
}

export async function queryOne<T>(query: Prisma.Sql): Promise<T | undefined> {
  return (await queryRows<T>(query))[0];
}
