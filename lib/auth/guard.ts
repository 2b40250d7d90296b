// One guard per request (dub's withWorkspace, small): Host allow-list; for writes Origin and a JSON
// body; the actor (token, session or local mode) and its permission; then the handler, whose coded
// errors become responses here and nowhere else.
import type { Scope } from "@/lib/queries/scope";
import type { Actor } from "./actor";
import { AppError, errorResponse } from "./app-error";
import { can, type Permission } from "./permissions";
import { clientAddress } from "./rate-limit";
import { allowedHosts, checkHost, checkJsonBody, checkOrigin } from "./request-checks";
import { actorFromHeaders } from "./resolve-actor";

export interface GuardOptions {
  permission: Permission;
  /** Changes state: Origin must be this site and the body JSON. */
  mutating: boolean;
}

export interface GuardContext {
  actor: Actor;
  scope: Scope;
  address: string;
}

export type GuardedHandler<P> = (request: Request, guard: GuardContext, route: P) => Promise<Response>;

/** Checks a request and resolves its actor; throws AppError. Shared by route handlers and actions. */
export async function admit(headers: Headers, url: string, o: GuardOptions): Promise<GuardContext> {
  const allowed = allowedHosts();
  checkHost(headers, url, allowed);
  if (o.mutating) {
    checkOrigin(headers, url, allowed);
    checkJsonBody(headers);
  }
  const actor = await actorFromHeaders(headers);
  if (!actor) throw new AppError("unauthenticated", "sign in, or send Authorization: Bearer <token>");
  if (!can(actor.role, o.permission)) throw new AppError("forbidden", `the ${actor.role} role may not do this`);
  return { actor, scope: actor.scope, address: clientAddress(headers) };
}

export function withGuard<P = unknown>(handler: GuardedHandler<P>, o: GuardOptions) {
  // `route` is Next.js's second argument ({ params }); optional so tests and GETs may omit it.
  const guarded = async (request: Request, route?: P): Promise<Response> => {
    try {
      return await handler(request, await admit(request.headers, request.url, o), route as P);
    } catch (err) {
      return errorResponse(err);
    }
  };
  return Object.assign(guarded, { guard: o });
}
