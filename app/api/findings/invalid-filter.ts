// The 400 answer for filters the schema rejects: which field and why, as the API contract says.
import type { FieldIssue } from "@/lib/queries/findings/findings-filter";

export function invalidFilterResponse(issues: FieldIssue[]): Response {
  return Response.json({ error: `Invalid filter: ${issues.map((i) => i.field).join(", ")}`, issues }, { status: 400 });
}
