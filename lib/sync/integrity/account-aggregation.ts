// ListFindingAggregations(ACCOUNT): Inspector's own ACTIVE counts per account and severity,
// the reference the cache is checked against (the API has no LOW bucket).
import { ListFindingAggregationsCommand, type Inspector2Client } from "@aws-sdk/client-inspector2";

export interface SeverityCounts {
  critical: number;
  high: number;
  medium: number;
  all: number;
}

export const zeroCounts = (): SeverityCounts => ({ critical: 0, high: 0, medium: 0, all: 0 });

export async function accountAggregation(client: Inspector2Client): Promise<Map<string, SeverityCounts>> {
  const out = new Map<string, SeverityCounts>();
  let nextToken: string | undefined;
  do {
    const page = await client.send(
      new ListFindingAggregationsCommand({
        aggregationType: "ACCOUNT",
        aggregationRequest: { accountAggregation: { sortBy: "ALL", sortOrder: "DESC" } },
        maxResults: 100,
        nextToken,
      }),
    );
    for (const r of page.responses ?? []) {
      const a = r.accountAggregation;
      if (!a?.accountId) continue;
      const c = a.severityCounts ?? {};
      out.set(a.accountId, { critical: c.critical ?? 0, high: c.high ?? 0, medium: c.medium ?? 0, all: c.all ?? 0 });
    }
    nextToken = page.nextToken || undefined;
  } while (nextToken);
  return out;
}
