// POST /api/review/exceptions/:id/revoke — ends an exception now; its findings count again.
import { revokeRiskException } from "@/lib/actions/risk-exception-store";
import { issuesResponse, jsonResponse } from "../../../respond";

export const dynamic = "force-dynamic";

export async function POST(_request: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  const r = await revokeRiskException(id);
  return r.ok ? jsonResponse({ id: r.id, revoked: true }) : issuesResponse(r.issues, r.status);
}
