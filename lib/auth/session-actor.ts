// Session cookie → Actor, for the request guard. Role and scope are derived from the user's
// groups on every request, so an admin's mapping change applies without signing in again.
import { env } from "@/lib/env";
import type { Actor } from "./actor";
import { effectiveGroupMap } from "./effective-group-map";
import { grantForGroups } from "./group-map";
import { resolveScope } from "./scope-resolution";
import { readSession } from "./session-store";
import { displayName, getUser } from "./users";

export const sessionPolicy = () => ({ idleMinutes: env().INSPECTORATE_SESSION_IDLE_MINUTES, maxHours: env().INSPECTORATE_SESSION_MAX_HOURS });

/** The signed-in user behind a session cookie, or null (no session, expired, or no role any more). */
export async function actorFromSession(cookieValue: string): Promise<Actor | null> {
  const userId = await readSession(cookieValue, sessionPolicy());
  if (!userId) return null;
  const user = await getUser(userId);
  if (!user) return null;
  const grant = grantForGroups(user.groups, await effectiveGroupMap());
  if (!grant) return null;
  return { kind: "user", id: user.id, name: displayName(user), role: grant.role, scope: await resolveScope(grant.rules) };
}
