// The few pages sign-in shows outside the app's layout (the layout requires a signed-in user):
// no access, signed out, sign-in failed. Plain HTML, every value escaped.
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface AuthPage {
  title: string;
  lines: string[];
  link?: { href: string; label: string };
  status?: number;
  headers?: Headers;
}

export function authPage({ title, lines, link, status = 200, headers = new Headers() }: AuthPage): Response {
  headers.set("content-type", "text/html; charset=utf-8");
  headers.set("cache-control", "no-store");
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${escape(title)} · Inspectorate</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2937">
<p style="font-weight:600;color:#16213a">Inspectorate</p>
<h1 style="font-size:1.5rem">${escape(title)}</h1>
${lines.map((l) => `<p>${escape(l)}</p>`).join("\n")}
${link ? `<p><a href="${escape(link.href)}" style="color:#1d4ed8">${escape(link.label)}</a></p>` : ""}
</body></html>`;
  return new Response(body, { status, headers });
}
