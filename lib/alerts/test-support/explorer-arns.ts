// What the explorer lists for a digest's link (or any /findings link), parsed and read as /findings and
// /api/findings do (the explorer's own parser and memoised query): the ARNs in the page's order, or sorted. Needs the test
// database installed as the app's (installTestDatabase). Fails the test on a filter the parser refuses,
// or a list cut by its 200-row page.
import { expect } from "vitest";
import { allScope, type Scope } from "@/lib/queries/scope";
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";
import { explorerResult } from "@/lib/queries/findings/explorer-reads";

export async function explorerArns(link: string, scope: Scope = allScope): Promise<string[]> {
  return (await explorerOrder(link, scope)).sort();
}

/** The ARNs as the explorer's page lists them, in its order. */
export async function explorerOrder(link: string, scope: Scope = allScope): Promise<string[]> {
  const { filter, issues } = parseFindingsFilter(new URL(link, "https://app.example").searchParams);
  expect(issues).toEqual([]);
  const result = await explorerResult(scope, { ...filter, limit: 200 });
  if (result.kind !== "list") throw new Error("expected a list");
  expect(result.total).toBe(result.rows.length);
  return result.rows.map((r) => r.arn);
}
