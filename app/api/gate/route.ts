// POST /api/gate {artifact, policy?, observed?} -> {verdict: pass|fail|undecidable, failing
// findings with the rules they broke, exceptions that passed findings, why undecidable}.
// Callers: an API token or session through withGuard, or the environment's INSPECTORATE_GATE_TOKEN.
import { evaluateGate } from "@/lib/actions/gate-evaluate";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/auth/app-error";
import { withGuard } from "@/lib/auth/guard";
import { jsonBody } from "@/lib/auth/json-body";
import { internalErrorKind } from "@/lib/ops/internal-error-kind";
import { log } from "@/lib/ops/logger";
import { gateCaller } from "./gate-caller";

export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

async function answer(request: Request, caller: Actor): Promise<Response> {
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    return json({ error: "content-type: expected application/json", issues: [{ field: "content-type", message: "expected application/json" }] }, 415);
  }
  let body: unknown;
  try {
    body = await jsonBody(request);
  } catch (e) {
    if (e instanceof AppError) return json({ error: e.message, issues: e.issues }, 400);
    throw e;
  }
  try {
    const r = await evaluateGate(body, caller);
    if (!r.ok) return json({ error: r.issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues: r.issues }, r.status);
    return json(r.body);
  } catch (e) {
    // By kind only: the error's message can carry SQL, ARNs or the caller's data.
    log().error({ component: "gate", kind: internalErrorKind(e) }, "gate: decision failed");
    return json({ error: "the gate could not decide (server error); see the server log" }, 500);
  }
}

const guarded = withGuard((request, g) => answer(request, g.actor), { permission: "read", mutating: true });

export const POST = Object.assign(async (request: Request, route?: unknown): Promise<Response> => {
  // The environment's token is a bearer no browser sends by itself, so it skips the guard's origin checks.
  const env = gateCaller(request);
  if (!("status" in env)) return answer(request, env);
  return guarded(request, route);
}, { guard: guarded.guard });
