// The delivery log (admin): newest first, with the channel, the rule, what was sent, how it went
// and why it failed. A scoped admin's (`only`) holds just their rules' digests, and none with an alert
// of an account outside their scope, listed or beyond the top N (its heading counts those too; a
// rule's accounts then may differ from its accounts now). Older digests: their listed items only.
import type { Queryable } from "@/lib/auth/audit";
import type { ChannelKind } from "./channel-config";

export interface DeliveryLogRow {
  id: string; createdAt: Date; kind: string; status: string; attempts: number; lastError: string | null; sentAt: Date | null;
  nextAttemptAt: Date; channelName: string | null; channelKind: ChannelKind | null; ruleName: string | null; heading: string; total: number; runId: number | null;
  /** A digest's link as a path in this app (what the message linked to), null for a test or a link elsewhere. */
  path: string | null;
}

/** The app-relative path of a digest's stored link ("https://app/findings?alert=3:42" → "/findings?alert=3:42"):
 *  the log links into the app it is on, whatever INSPECTORATE_APP_URL was when the digest was made. */
export function digestPath(link: unknown): string | null {
  if (typeof link !== "string") return null;
  try {
    const u = new URL(link);
    return u.pathname.startsWith("/") && !u.pathname.startsWith("//") && /^https?:$/.test(u.protocol) ? `${u.pathname}${u.search}` : null;
  } catch {
    return null;
  }
}

export interface DeliveryFilter {
  /** The rules whose digests are shown (tests and deleted rules' digests are not). */
  ruleIds: number[];
  /** The accounts the reader may see: a digest with an alert of any other account (payload accountIds, or its items) is left out. */
  accounts: string[];
}

export async function listDeliveries(db: Queryable, limit = 200, only?: DeliveryFilter): Promise<DeliveryLogRow[]> {
  const { rows } = (await db.query(
    `SELECT d.id, d.created_at, d.kind, d.status, d.attempts, d.last_error, d.sent_at, d.next_attempt_at, d.run_id,
            c.name AS channel_name, c.kind AS channel_kind, r.name AS rule_name, d.payload->>'heading' AS heading, (d.payload->>'total')::int AS total, d.payload->>'link' AS link
     FROM alert_deliveries d LEFT JOIN alert_channels c ON c.id = d.channel_id LEFT JOIN alert_rules r ON r.id = d.rule_id
     WHERE $2::boolean OR (d.rule_id = ANY($3::int[]) AND NOT EXISTS (
       SELECT 1 FROM (
         SELECT i.item->>'accountId' FROM jsonb_array_elements(COALESCE(d.payload->'items', '[]'::jsonb)) AS i(item)
         UNION ALL SELECT jsonb_array_elements_text(COALESCE(d.payload->'accountIds', '[]'::jsonb))
       ) AS a(id) WHERE a.id IS NOT NULL AND NOT (a.id = ANY($4::text[]))))
     ORDER BY d.created_at DESC, d.id DESC LIMIT $1`,
    [limit, !only, only?.ruleIds ?? [], only?.accounts ?? []],
  )) as { rows: Record<string, unknown>[] };
  return rows.map((r) => ({
    id: String(r.id), createdAt: r.created_at as Date, kind: r.kind as string, status: r.status as string, attempts: r.attempts as number,
    lastError: r.last_error as string | null, sentAt: r.sent_at as Date | null, nextAttemptAt: r.next_attempt_at as Date,
    channelName: r.channel_name as string | null, channelKind: r.channel_kind as ChannelKind | null, ruleName: r.rule_name as string | null,
    heading: (r.heading as string) ?? "", total: (r.total as number) ?? 0, runId: r.run_id as number | null,
    path: r.kind === "DIGEST" ? digestPath(r.link) : null,
  }));
}
