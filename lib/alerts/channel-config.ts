// What an admin enters per channel kind (Zod at the boundary). The whole config is sealed at rest;
// only `channelSummary` (the host, the recipients) is ever shown again.
import { z } from "zod";

export const channelKinds = ["SLACK", "TEAMS", "WEBHOOK", "EMAIL"] as const;
export type ChannelKind = (typeof channelKinds)[number];
export const channelKindLabel: Record<ChannelKind, string> = { SLACK: "Slack", TEAMS: "Microsoft Teams", WEBHOOK: "Webhook (signed JSON)", EMAIL: "Email (SMTP)" };

const url = z.string().trim().url("expected a URL").refine((v) => /^https?:\/\//.test(v), "expected an https:// URL");
const email = z.string().trim().email("expected an email address");

export const channelConfigSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("SLACK"), url }),
  z.object({ kind: z.literal("TEAMS"), url }),
  z.object({ kind: z.literal("WEBHOOK"), url, signingSecret: z.string().min(16, "the signing secret needs at least 16 characters").max(256) }),
  z.object({
    kind: z.literal("EMAIL"),
    host: z.string().trim().min(1, "the SMTP host is empty").regex(/^[\w.:\[\]-]+$/, "expected a host name"),
    port: z.coerce.number().int().min(1).max(65535).default(587),
    /** true: TLS from the start (port 465); false: STARTTLS, required unless the host may be plain. */
    secure: z.boolean().default(false),
    user: z.string().max(256).optional(),
    password: z.string().max(1024).optional(),
    from: email,
    to: z.array(email).min(1, "at least one recipient").max(50),
  }),
]);
export type ChannelConfig = z.infer<typeof channelConfigSchema>;

export const channelInputSchema = z.object({
  name: z.string().trim().min(1, "the name is empty").max(100),
  config: channelConfigSchema,
});
export type ChannelInput = z.infer<typeof channelInputSchema>;

/** What the app shows after saving: never the path or query of a URL (Slack's secret is the path). */
export function channelSummary(c: ChannelConfig): string {
  if (c.kind === "EMAIL") return `${c.host}:${c.port} → ${c.to.join(", ")}`;
  return `${new URL(c.url).host} (URL hidden)`;
}
