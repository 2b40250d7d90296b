// Local receivers the alert tests post to: one HTTP server (/slack and /teams validate the payload
// shape and answer 400 with the problems; /webhook verifies the HMAC signature; /flaky answers 500
// `failFirst` times; a path ending in /slow answers after `holdMs`) and an SMTP server (smtp-server
// from npm) collecting the mail.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { verifySignature } from "../render-webhook";
import { slackProblems, teamsProblems } from "./payload-limits";

export interface Received { path: string; status: number; body: string; json: Record<string, unknown>; problems: string[] }

export async function startHttpReceiver(o: { webhookSecret: string; failFirst?: number; holdMs?: number }) {
  const received: Received[] = [];
  let failures = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const json = JSON.parse(body || "{}") as Record<string, unknown>;
      const path = req.url ?? "/";
      let problems: string[] = [];
      if (path.startsWith("/slack")) problems = slackProblems(json);
      if (path.startsWith("/teams")) problems = teamsProblems(json);
      if (path.startsWith("/webhook") && !verifySignature(o.webhookSecret, req.headers as Record<string, string>, body)) problems = ["bad signature"];
      const status = problems.length ? 400 : path.startsWith("/flaky") && failures++ < (o.failFirst ?? 2) ? 500 : 200;
      received.push({ path, status, body, json, problems });
      const answer = () => res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : problems.join("; ") || "server error");
      if (path.endsWith("/slow")) setTimeout(answer, o.holdMs ?? 500);
      else answer();
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, ok: (path: string) => received.filter((r) => r.path.startsWith(path) && r.status === 200), close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

export async function startSmtpReceiver() {
  const mails: { from: string; to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ["STARTTLS"], logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({ from: String(session.envelope.mailFrom && session.envelope.mailFrom.address), to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        done();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}
