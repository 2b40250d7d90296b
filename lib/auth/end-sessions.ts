// "End sessions" on /admin/access: groups are re-read from the provider only every recheck period (and
// never where it gives no refresh token), so someone who must go at once (a lost laptop, a departure)
// keeps access until then unless an admin ends their sessions here.
// Deleting the rows is enough: readSession then finds nothing and the next request goes to sign-in.
import { z } from "zod";
import { db } from "@/lib/db/client";
import { withTransaction } from "@/lib/db/transaction";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { sessionPolicy } from "./session-actor";
import { deleteUserSessions, type SessionPolicy } from "./session-store";
import { visibleUsersFilter } from "./user-access";
import { displayName, findUserWithin } from "./users";

export type EndSessionsResult = { ok: true; ended: number; user: string } | { ok: false; message: string };

/** One text for an unknown id and for a user beyond the admin's scope: it says nothing about which. */
export const noSuchUser = "No such user among those you may manage.";

/**
 * Ends every session of `userId` when `actor` may see that user in the users list (listUserAccess's
 * rule, checked again here: the posted id is not trusted). Ending one's own sessions is allowed: it
 * signs the admin out. `ended` counts the sessions that were live; expired rows go too.
 */
export async function endUserSessions(actor: Actor, userId: unknown, address: string | null, policy: SessionPolicy = sessionPolicy(), now = new Date()): Promise<EndSessionsResult> {
  if (actor.role !== "admin") return { ok: false, message: "only an admin can end sessions" };
  const id = z.uuid().safeParse(userId);
  if (!id.success) return { ok: false, message: noSuchUser };
  const filter = (await visibleUsersFilter(actor)) ?? { anyOf: null, noneOf: [] };
  return withTransaction(db().pool, async (tx): Promise<EndSessionsResult> => {
    // Locked so a sign-in cannot change their groups (and so the check) before the delete commits.
    const user = await findUserWithin(filter, id.data, tx, true);
    if (!user) return { ok: false, message: noSuchUser };
    const ended = await deleteUserSessions(tx, user.id, policy, now);
    await recordAudit(tx, { actor, action: "access.sessions.ended", target: user.id, detail: { email: user.email, ended }, address });
    return { ok: true, ended, user: displayName(user) };
  });
}
