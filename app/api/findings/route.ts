// GET /api/findings?<explorer filter>: a page of findings (or group counts) as JSON; 400 names bad fields.
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";
import { explorerResult } from "@/lib/queries/findings/explorer-reads";
import { withGuard } from "@/lib/auth/guard";
import { invalidFilterResponse } from "./invalid-filter";

export const dynamic = "force-dynamic";

export const GET = withGuard(async (request, { scope }) => {
  const { filter, issues } = parseFindingsFilter(new URL(request.url).searchParams);
  if (issues.length) return invalidFilterResponse(issues);
  const result = await explorerResult(scope, filter);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}, { permission: "read", mutating: false });
