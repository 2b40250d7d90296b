// A digest as an email: the heading as subject, a plain-text body and the same as simple HTML.
import { moreLine, type Digest } from "./digest";

const html = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function emailMessage(d: Digest): { subject: string; text: string; html: string } {
  const more = moreLine(d);
  const lines = d.items.map((i) => `- ${i.title} (${[i.severity, i.accountId, i.detail].filter(Boolean).join(", ")})\n  ${i.link}`);
  const text = [d.heading, "", ...lines, ...(more ? ["", more] : []), "", `Open in Inspectorate: ${d.link}`].join("\n");
  const items = d.items.map((i) => `<li><a href="${html(i.link)}">${html(i.title)}</a> — ${html([i.severity, i.accountId, i.detail].filter(Boolean).join(" · "))}</li>`);
  const body = `<h2>${html(d.heading)}</h2><ul>${items.join("")}</ul>${more ? `<p>${html(more)}</p>` : ""}<p><a href="${html(d.link)}">Open in Inspectorate</a></p>`;
  return { subject: d.heading.slice(0, 200), text, html: body };
}
