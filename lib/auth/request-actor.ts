// Who is asking, once per request (React cache): the local admin when no identity provider is
// configured, else the session cookie's user. The request guard builds on this (API tokens, local
// mode's loopback rule); pages and read models only ever see actor.scope via scopeForRequest.
import { cache } from "react";
import { cookies } from "next/headers";
import { allScope } from "@/lib/queries/scope";
import type { Actor } from "./actor";
import { signInConfigured } from "./oidc-client";
import { actorFromSession } from "./session-actor";
import { SESSION_COOKIE } from "./session-cookie-name";

export const localActor: Actor = { kind: "local", id: "local", name: "local admin", role: "admin", scope: allScope };

export const requestActor = cache(async (): Promise<Actor | null> => {
  // Read cookies first in every mode: it keeps pages dynamic, so a build made without sign-in
  // configured never serves a prerendered "local mode" page to a deployment that has it.
  const jar = await cookies();
  if (!signInConfigured()) return localActor;
  const value = jar.get(SESSION_COOKIE)?.value;
  return value ? actorFromSession(value) : null;
});
