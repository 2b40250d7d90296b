// A digest as a Microsoft Teams Workflows message: one Adaptive Card (1.4) attachment with the
// items as text blocks and an Open-URL action to the explorer filter.
import { clip, moreLine, type Digest } from "./digest";

export function teamsMessage(d: Digest): Record<string, unknown> {
  const more = moreLine(d);
  const body = [
    { type: "TextBlock", text: clip(d.heading, 300), weight: "Bolder", size: "Medium", wrap: true },
    ...d.items.map((i) => ({
      type: "TextBlock",
      wrap: true,
      text: clip(`[${i.title}](${i.link}) — ${[i.severity, i.accountId, i.detail].filter(Boolean).join(" · ")}`, 2000),
    })),
    ...(more ? [{ type: "TextBlock", text: more, isSubtle: true, wrap: true }] : []),
  ];
  return {
    type: "message",
    attachments: [{
      contentType: "application/vnd.microsoft.card.adaptive",
      contentUrl: null,
      content: {
        $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
        type: "AdaptiveCard",
        version: "1.4",
        body,
        actions: [{ type: "Action.OpenUrl", title: "Open in Inspectorate", url: d.link }],
      },
    }],
  };
}
