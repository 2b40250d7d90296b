// The explorer's account picker: accounts in the viewer's scope whose id starts with, or whose name
// contains, what was typed, asked as one types. Every explorer page used to carry the whole
// organization's list (1,000 accounts: ~107 KB of its 263 KB, twice: as props and as <option>s).
import { z } from "zod";
import { Prisma, queryRows } from "@/lib/queries/sql";
import { scopeWhere, type Scope } from "@/lib/queries/scope";

export const accountSuggestionLimit = 20;

/** What was typed: empty asks for the first accounts by name. */
export const accountQuerySchema = z.string().trim().max(64, "expected at most 64 characters: part of an account id or name");

export interface AccountSuggestion { id: string; name: string | null }

/** LIKE's wildcards and its escape character, taken literally. */
const literal = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function suggestAccounts(scope: Scope, typed: string, limit = accountSuggestionLimit): Promise<AccountSuggestion[]> {
  const q = literal(typed);
  // Names starting with what was typed first, then names containing it, then ids starting with it.
  return queryRows<AccountSuggestion>(Prisma.sql`
    SELECT a.id, a.name FROM accounts a
    WHERE ${scopeWhere(scope, Prisma.sql`a.id`)} AND (a.id LIKE ${`${q}%`} OR a.name ILIKE ${`%${q}%`})
    ORDER BY (a.name ILIKE ${`${q}%`}) DESC NULLS LAST, (a.name ILIKE ${`%${q}%`}) DESC NULLS LAST, a.name NULLS LAST, a.id
    LIMIT ${limit}`);
}
