// A finding matches a key when it is the finding's key (vulnerability id, code rule, network port
// range) or one of its related vulnerabilities (aliases). Ids keep their case; a CVE typed in lower
// case or a GHSA id typed in upper case (GHSA ids are lower case after the prefix) still match.
import { Prisma } from "@/lib/queries/sql";

export function keySpellings(key: string): string[] {
  const ghsa = /^ghsa-/i.test(key) ? `GHSA-${key.slice(5).toLowerCase()}` : key;
  return [...new Set([key, key.toUpperCase(), ghsa])];
}

export function findingKeySql(alias: string, key: string): Prisma.Sql {
  const f = Prisma.raw(alias);
  const keys = keySpellings(key);
  const exact = keys.length === 1 ? Prisma.sql`${f}.finding_key = ${key}` : Prisma.sql`${f}.finding_key = ANY(${keys}::text[])`;
  return Prisma.sql`(${exact} OR ${f}.related_vulnerabilities && ${keys}::text[])`;
}
