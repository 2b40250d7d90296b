// What one alert message says, whatever the channel: a rule's digest for one sync run (its top N
// items, its counts, and a link showing all of them: for a finding rule the explorer's
// alert=<rule>:<run> filter, exactly the findings counted), or a channel test.
import { z } from "zod";

export const digestItemSchema = z.object({
  title: z.string(),
  severity: z.string().nullable(),
  accountId: z.string().nullable(),
  detail: z.string(),
  link: z.string(),
});
export type DigestItem = z.infer<typeof digestItemSchema>;

export const digestSchema = z.object({
  rule: z.string(),
  kind: z.string(),
  heading: z.string(),
  /** Alerts (items) in all, listed or not: a finding may alert twice in one run (exploitable and KEV). */
  total: z.number().int(),
  /** A finding rule's distinct findings, what its link opens (≤ total); null for other rules, absent
   *  from digests queued before this field. */
  findings: z.number().int().nullable().optional(),
  items: z.array(digestItemSchema),
  link: z.string(),
  runId: z.number().int().nullable(),
});
export type Digest = z.infer<typeof digestSchema>;

/** Cuts text to a published limit, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** What alert_deliveries.payload holds: the digest and every account its alerts concern, listed or
 *  not (the alert log's scope check). Channels get the digest alone: digestSchema drops the rest. */
export type StoredDigest = Digest & { accountIds: string[] };

/** "3 of 12 shown" when the digest holds only the top N; the link opens all 12 (a finding rule's
 *  link: exactly the findings this digest alerted, while they stay open). Items are alerts: when
 *  findings alerted more than once, "3 of 12 alerts shown", beside a heading of "10 findings (12 alerts)". */
export function moreLine(d: Digest): string | null {
  if (d.total <= d.items.length) return null;
  const unit = d.findings != null && d.findings !== d.total ? " alerts" : "";
  return `${d.items.length} of ${d.total}${unit} shown.`;
}

export function testDigest(channelName: string, appUrl: string): Digest {
  return {
    rule: "Test", kind: "TEST", heading: `Test message for channel “${channelName}”`, total: 0, findings: null, items: [],
    link: `${appUrl}/admin/alert-log`, runId: null,
  };
}
