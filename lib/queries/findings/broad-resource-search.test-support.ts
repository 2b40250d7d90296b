// For tests of the resource search: the findings a search for `text` finds when it matches too many
// resources to list them (each finding's own id and name tested, plus the resources known under several
// names, resolved past a cap of 0), as their ARNs, sorted.
import { allScope } from "@/lib/queries/scope";
import { parseFindingsFilter } from "./findings-filter";
import { searchFindings } from "./findings-search";
import { resolveResourceMatch } from "./resource-match";

export async function broadArns(text: string): Promise<string[]> {
  const filter = parseFindingsFilter(new URLSearchParams({ resource: text })).filter;
  const resolved = (await resolveResourceMatch(filter, 0)).resourceMatch;
  const resourceMatch = { ids: "broad" as const, arns: resolved?.arns ?? [], renamed: resolved?.renamed };
  return (await searchFindings(allScope, { ...filter, resourceMatch, limit: 10 })).rows.map((r) => r.arn).sort();
}
