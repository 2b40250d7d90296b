// One guard per request (dub's withWorkspace, small): Host allow-list; for writes Origin and a JSON
// body; the actor (token, session or local mode) and its permission; then the handler, whose coded
// errors become responses here and nowhere else.
import type { Scope } from "@/lib/queries/scope";
import type { Actor } from "./actor";
import { AppError, errorResponse } from "./app-error";
import { actingAs, can, type Permission } from "./permissions";
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
  const found = await actorFromHeaders(headers);
  if (!found) throw new AppError("unauthenticated", "sign in, or send Authorization: Bearer <token>");
  if (!can(found.role, o.permission)) throw new AppError("forbidden", `the ${found.role} role may not do this`);
  // The handler acts within the accounts of the groups that grant this permission.
  const actor = actingAs(found, o.permission);
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

/**
 * Routes with their own caller check (health probes, metrics scrapes, the CI gate's token): no
 * actor and no Host check (probes arrive by IP), but writes still refuse cross-site and non-JSON
 * requests, and errors are answered here. The reason is listed by the route-coverage test.
 */
export function withOwnAuth<P = unknown>(handler: (request: Request, route: P) => Promise<Response> | Response, o: { reason: string; mutating: boolean }) {
  const guarded = async (request: Request, route?: P): Promise<Response> => {
    try {
      if (o.mutating) {
        checkOrigin(request.headers, request.url, allowedHosts());
        checkJsonBody(request.headers);
      }
      return await handler(request, route as P);
    } catch (err) {
      return errorResponse(err);
    }
  };
  return Object.assign(guarded, { guard: { mutating: o.mutating, ownAuth: o.reason } });
}
