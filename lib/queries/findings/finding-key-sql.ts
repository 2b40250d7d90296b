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

/** The same match as findingKeySql, as disjoint parts: each spelling's equality (an ordered walk of
 *  the (finding_key, status, inspector_score, id) index) and the findings that only list it among
 *  their aliases (the GIN index; few, and read whole before sorting: `ordered` false). One OR of
 *  them all made the explorer's page of a common CVE walk the score index past every other open
 *  finding (2.8 s for a CVE on 84,566 findings at 10M). */
export function findingKeyParts(alias: string, key: string): { where: Prisma.Sql; ordered: boolean }[] {
  const f = Prisma.raw(alias);
  const keys = keySpellings(key);
  return [
    ...keys.map((k) => ({ where: Prisma.sql`${f}.finding_key = ${k}`, ordered: true })),
    { where: Prisma.sql`(${f}.related_vulnerabilities && ${keys}::text[] AND NOT ${f}.finding_key = ANY(${keys}::text[]))`, ordered: false },
  ];
}
