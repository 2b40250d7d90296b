// Who may ask the gate, until the request guard (withGuard) and API tokens land: a bearer token
// equal to INSPECTORATE_GATE_TOKEN, compared in constant time. The one function to swap for the guard.
import { createHash, timingSafeEqual } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { env } from "@/lib/env";
import { allScope } from "@/lib/queries/scope";

const digest = (s: string) => createHash("sha256").update(s).digest();

export function gateCaller(request: Request): Actor | { status: 401 | 503; message: string } {
  const expected = env().INSPECTORATE_GATE_TOKEN;
  if (!expected) return { status: 503, message: "the gate API is off: set INSPECTORATE_GATE_TOKEN on the server" };
  const m = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  // Hashing first makes both sides equal length, so the comparison time says nothing about the token.
  if (!m || !timingSafeEqual(digest(m[1]), digest(expected))) return { status: 401, message: "missing or wrong bearer token" };
  const by = (request.headers.get("x-gate-requested-by") ?? "").replace(/[^\w .:/@#-]/g, "").slice(0, 120);
  return { kind: "token", id: "env:INSPECTORATE_GATE_TOKEN", name: by ? `gate token (${by})` : "gate token", role: "analyst", scope: allScope };
}
