// POST /api/gate {artifact, policy?, observed?} -> {verdict: pass|fail|undecidable, failing
// findings with the rules they broke, exceptions that passed findings, why undecidable}.
import { evaluateGate } from "@/lib/actions/gate-evaluate";
import { gateCaller } from "./gate-caller";

export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "cache-control": "no-store" } });

export async function POST(request: Request) {
  const caller = gateCaller(request);
  if ("status" in caller) return json({ error: caller.message }, caller.status);
  if (!(request.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) {
    return json({ error: "content-type: expected application/json", issues: [{ field: "content-type", message: "expected application/json" }] }, 415);
  }
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    return json({ error: "body: expected a JSON object", issues: [{ field: "body", message: "expected a JSON object" }] }, 400);
  }
  try {
    const r = await evaluateGate(body, caller);
    if (!r.ok) return json({ error: r.issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues: r.issues }, r.status);
    return json(r.body);
  } catch (e) {
    console.error("gate: decision failed", e);
    return json({ error: "the gate could not decide (server error); see the server log" }, 500);
  }
}
