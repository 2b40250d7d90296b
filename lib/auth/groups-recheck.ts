// A signed-in user's groups re-read from the identity provider while their session lasts: every
// INSPECTORATE_OIDC_GROUPS_RECHECK_SECONDS, one request of the session asks the provider through the
// refresh token it gave at sign-in. Groups changed there apply here (role and scope come from the groups
// on every request); a provider that refuses (the user disabled or removed, the grant revoked) ends the
// session; a provider that does not answer leaves the groups as last read, until the next period.
import { env } from "@/lib/env";
import { log } from "@/lib/ops/logger";
import { metrics } from "@/lib/ops/metrics";
import { refreshIdentity, refusalOf } from "./oidc-client";
import { claimGroupsRecheck, deleteSession, replaceRefreshToken, type OpenSession } from "./session-store";
import { logSignIn } from "./sign-in-log";
import { recordRecheckedClaims, userSubject } from "./users";

export type RecheckOutcome = "not_due" | "unchanged" | "changed" | "ended" | "unreachable";

const listed = (groups: string[]) => (groups.length ? [...groups].sort().join(", ") : "none");

/**
 * Rechecks when due; "ended" means the session is gone and the request is nobody's. `session` is what
 * the request read already: a session not due costs no query.
 */
export async function recheckGroups(cookieValue: string, session: OpenSession, address = "direct", now = new Date()): Promise<RecheckOutcome> {
  const every = env().INSPECTORATE_OIDC_GROUPS_RECHECK_SECONDS;
  if (every === 0 || !session.rechecks) return "not_due";
  if (session.groupsReadAt && now.getTime() - session.groupsReadAt.getTime() < every * 1000) return "not_due";
  const claim = await claimGroupsRecheck(cookieValue, every, now);
  if (!claim) return "not_due";
  const outcome = await recheck(cookieValue, session.userId, claim.opened, address);
  metrics().groupsRechecks.inc({ outcome });
  return outcome;
}

async function recheck(cookieValue: string, userId: string, opened: string | null, address: string): Promise<Exclude<RecheckOutcome, "not_due">> {
  const who = await userSubject(userId);
  const end = async (reason: string) => {
    await deleteSession(cookieValue);
    await logSignIn("ended_by_provider", { userId, user: who?.display ?? userId, address, reason });
    return "ended" as const;
  };
  if (!opened || !who) return end(!who ? "the user is no longer known" : "the stored refresh token does not open with this session");
  let answer;
  try {
    answer = await refreshIdentity(opened, who.subject);
  } catch (err) {
    const refused = refusalOf(err);
    if (refused) return end(refused);
    // Not the user's doing: keep the groups as last read and ask again next period.
    log().warn({ component: "sign-in", userId, err: err instanceof Error ? err.message : String(err) }, "groups recheck: the identity provider did not answer; groups kept as last read");
    return "unreachable";
  }
  if (answer.refreshToken !== opened) await replaceRefreshToken(cookieValue, answer.refreshToken);
  const recorded = await recordRecheckedClaims(userId, answer.identity);
  if (!recorded) return end("the provider's answer names another user");
  if (listed(recorded.before) === listed(answer.identity.groups)) return "unchanged";
  await logSignIn("groups_changed", { userId, user: answer.identity.email ?? answer.identity.name ?? userId, address, reason: `groups ${listed(recorded.before)} → ${listed(answer.identity.groups)}` });
  return "changed";
}
