// One digest to one channel, rendered for its kind; the outbound check runs inside every send.
import type { ChannelConfig } from "./channel-config";
import type { Digest } from "./digest";
import { OutboundRefused, type OutboundPolicy } from "./outbound-check";
import { emailMessage } from "./render-email";
import { slackMessage } from "./render-slack";
import { teamsMessage } from "./render-teams";
import { webhookBody, webhookHeaders } from "./render-webhook";
import { sendEmail } from "./send-email";
import { postJson, type SendResult } from "./send-http";

export async function sendToChannel(c: ChannelConfig, d: Digest, deliveryId: string, policy: OutboundPolicy): Promise<SendResult> {
  try {
    switch (c.kind) {
      case "SLACK":
        return await postJson(c.url, JSON.stringify(slackMessage(d)), {}, policy);
      case "TEAMS":
        return await postJson(c.url, JSON.stringify(teamsMessage(d)), {}, policy);
      case "WEBHOOK": {
        const body = webhookBody(d, deliveryId);
        return await postJson(c.url, body, webhookHeaders(c.signingSecret, body, deliveryId), policy);
      }
      case "EMAIL":
        return await sendEmail(c, emailMessage(d), policy);
    }
  } catch (e) {
    if (e instanceof OutboundRefused) return { ok: false, error: `refused: ${e.message}` };
    return { ok: false, error: e instanceof Error ? e.message.replace(/\S+:\/\/\S+/g, "<url>") : "send failed" };
  }
}
