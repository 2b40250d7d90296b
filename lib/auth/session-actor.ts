// Session cookie → Actor, for the request guard. Role and scope are derived from the user's
// groups on every request (user-actor.ts), so an admin's mapping change applies without signing in again,
// and the groups themselves are re-read from the identity provider while the session lasts (groups-recheck.ts).
import { env } from "@/lib/env";
import type { Actor } from "./actor";
import { recheckGroups } from "./groups-recheck";
import { openSession } from "./session-store";
import { actorForUser } from "./user-actor";
import { getUser } from "./users";

export const sessionPolicy = () => ({ idleMinutes: env().INSPECTORATE_SESSION_IDLE_MINUTES, maxHours: env().INSPECTORATE_SESSION_MAX_HOURS });

/**
 * The signed-in user behind a session cookie, or null (no session, expired, ended by the identity
 * provider at a groups recheck, or no role any more).
 */
export async function actorFromSession(cookieValue: string, address?: string): Promise<Actor | null> {
  const session = await openSession(cookieValue, sessionPolicy());
  if (!session) return null;
  if ((await recheckGroups(cookieValue, session, address)) === "ended") return null;
  const user = await getUser(session.userId);
  return user ? actorForUser(user) : null;
}
