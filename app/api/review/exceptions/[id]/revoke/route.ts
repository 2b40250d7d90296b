// POST /api/review/exceptions/:id/revoke — ends an exception now; its findings count again.
import { revokeRiskException } from "@/lib/actions/risk-exception-store";
import { issuesError } from "@/lib/auth/app-error";
import { withGuard } from "@/lib/auth/guard";
import { jsonResponse } from "../../../respond";

export const dynamic = "force-dynamic";

type Route = { params: Promise<{ id: string }> };

export const POST = withGuard<Route>(async (_request, { actor, address }, route) => {
  const r = await revokeRiskException({ actor, address }, (await route.params).id);
  if (!r.ok) throw issuesError(r.status, r.issues);
  return jsonResponse({ id: r.id, revoked: true });
}, { permission: "exceptions", mutating: true });
