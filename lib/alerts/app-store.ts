// The alert settings on the app's own database, for pages and routes (which stay away from lib/db):
// the stores take a pool so the worker and tests can pass theirs.
import type { Actor } from "@/lib/auth/actor";
import { scopeFor, wholeOrganization } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { createChannel, listChannels } from "./channel-store";
import { listDeliveries } from "./delivery-log";
import { outboundPolicy, appUrl } from "./outbound-policy";
import type { StoredRule } from "./rule-config";
import { ruleReach } from "./rule-reach";
import { createRule, rulesFor } from "./rule-store";
import { sendTest } from "./send-test";

export const alertChannels = () => listChannels(db().pool);
/** The rules `actor` may see and change, paused ones included (a scoped admin: those within their scope). */
export const alertRules = (actor: Actor) => rulesFor(db().pool, actor);
/** What a rule counts now (its scope within its maker's); null: nothing, its maker is gone or may no longer manage alerts. */
export const alertRuleReach = (rule: StoredRule) => ruleReach(db().pool, rule);
/** The delivery log as `actor` may read it: a scoped admin sees only digests of the rules they may manage. */
export async function alertDeliveries(actor: Actor, limit: number) {
  if (wholeOrganization(actor, "alerts")) return listDeliveries(db().pool, limit);
  const ruleIds = (await alertRules(actor)).map((r) => r.id);
  return listDeliveries(db().pool, limit, { ruleIds, accounts: scopeFor(actor, "alerts").accountIds as string[] });
}
export const saveAlertChannel = (actor: Actor, input: unknown, address?: string | null) => createChannel(db().pool, actor, input, address);
export const saveAlertRule = (actor: Actor, input: unknown, address?: string | null) => createRule(db().pool, actor, input, address);
/** Sends channel `id` a test message now, to this app's URL, under the configured outbound policy. */
export const sendAlertTest = (actor: Actor, id: unknown, address?: string | null) => sendTest(db().pool, actor, id, appUrl(), outboundPolicy(), address);
