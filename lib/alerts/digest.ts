// What one alert message says, whatever the channel: a rule's digest for one sync run (its top N
// items, the total, and a link showing all of them: for a finding rule the explorer's
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
  total: z.number().int(),
  items: z.array(digestItemSchema),
  link: z.string(),
  runId: z.number().int().nullable(),
});
export type Digest = z.infer<typeof digestSchema>;

/** Cuts text to a published limit, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** "3 of 12 shown" when the digest holds only the top N; the link opens all 12 (a finding rule's
 *  link: exactly the findings this digest alerted, while they stay open). */
export function moreLine(d: Digest): string | null {
  return d.total > d.items.length ? `${d.items.length} of ${d.total} shown.` : null;
}

export function testDigest(channelName: string, appUrl: string): Digest {
  return {
    rule: "Test", kind: "TEST", heading: `Test message for channel “${channelName}”`, total: 0, items: [],
    link: `${appUrl}/admin/alert-log`, runId: null,
  };
}
