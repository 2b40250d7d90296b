// The actor of the current request for server components and server actions, resolved once per
// request (React cache) from the incoming headers.
import { cache } from "react";
import { headers } from "next/headers";
import type { Actor } from "./actor";
import { actorFromHeaders } from "./resolve-actor";

export const currentActor = cache(async (): Promise<Actor | null> => actorFromHeaders(await headers()));
