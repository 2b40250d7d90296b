// A digest as a Slack incoming-webhook message in Block Kit, inside Slack's published limits:
// at most 50 blocks, header text 150 characters, section text 3,000, button text 75.
import { clip, moreLine, type Digest } from "./digest";

const mrkdwnEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const MAX_ITEM_BLOCKS = 45;

export function slackMessage(d: Digest): Record<string, unknown> {
  const items = d.items.slice(0, MAX_ITEM_BLOCKS).map((i) => ({
    type: "section",
    text: { type: "mrkdwn", text: clip(`*<${i.link}|${mrkdwnEscape(i.title)}>*\n${mrkdwnEscape([i.severity, i.accountId, i.detail].filter(Boolean).join(" · "))}`, 3000) },
  }));
  const more = moreLine(d);
  return {
    text: clip(d.heading, 3000),
    blocks: [
      { type: "header", text: { type: "plain_text", text: clip(d.heading, 150) } },
      ...items,
      ...(more ? [{ type: "context", elements: [{ type: "mrkdwn", text: more }] }] : []),
      { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open in Inspectorate" }, url: d.link }] },
    ],
  };
}
