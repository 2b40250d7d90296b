// What the receivers check, from the published limits: Slack Block Kit (at most 50 blocks; header
// plain_text up to 150 characters; section text up to 3,000; a fallback `text`) and a Teams
// Workflows message (one Adaptive Card attachment, type/version/body, Open-URL actions with a URL).
type Obj = Record<string, unknown>;

export function slackProblems(p: Obj): string[] {
  const out: string[] = [];
  const blocks = p.blocks as Obj[] | undefined;
  if (typeof p.text !== "string" || !p.text) out.push("text: missing fallback text");
  if (!Array.isArray(blocks) || blocks.length === 0) return [...out, "blocks: missing"];
  if (blocks.length > 50) out.push(`blocks: ${blocks.length} > 50`);
  blocks.forEach((b, i) => {
    const t = b.text as Obj | undefined;
    if (b.type === "header" && (t?.type !== "plain_text" || String(t.text).length > 150 || !t.text)) out.push(`blocks[${i}]: header must be plain_text of 1-150 chars`);
    if (b.type === "section" && (!t || !["mrkdwn", "plain_text"].includes(String(t.type)) || String(t.text).length > 3000 || !t.text)) out.push(`blocks[${i}]: section text must be 1-3000 chars`);
    if (!["header", "section", "context", "actions", "divider"].includes(String(b.type))) out.push(`blocks[${i}]: unknown type ${String(b.type)}`);
    if (b.type === "actions") for (const e of b.elements as Obj[]) if (e.type === "button" && (!String(e.url ?? "").startsWith("http") || String((e.text as Obj).text).length > 75)) out.push(`blocks[${i}]: bad button`);
  });
  return out;
}

export function teamsProblems(p: Obj): string[] {
  const out: string[] = [];
  const att = p.attachments as Obj[] | undefined;
  if (p.type !== "message") out.push("type: expected message");
  if (!Array.isArray(att) || att.length !== 1) return [...out, "attachments: expected one"];
  if (att[0].contentType !== "application/vnd.microsoft.card.adaptive") out.push("contentType: not an Adaptive Card");
  const card = att[0].content as Obj;
  if (card?.type !== "AdaptiveCard" || typeof card.version !== "string") out.push("content: not an AdaptiveCard with a version");
  if (!Array.isArray(card?.body) || (card.body as Obj[]).some((b) => b.type !== "TextBlock" || typeof b.text !== "string")) out.push("body: expected TextBlocks");
  for (const a of (card?.actions as Obj[] | undefined) ?? []) if (a.type !== "Action.OpenUrl" || !String(a.url ?? "").startsWith("http")) out.push("actions: expected Action.OpenUrl with a url");
  if (JSON.stringify(p).length > 28_000) out.push("message larger than 28 KB");
  return out;
}
