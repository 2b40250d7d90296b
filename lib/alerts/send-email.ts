// Email over SMTP with nodemailer, to the address the outbound check approved (the host name is
// kept for TLS). TLS is required unless an admin lets the host be plain.
import nodemailer from "nodemailer";
import type { ChannelConfig } from "./channel-config";
import { checkOutbound, type OutboundPolicy } from "./outbound-check";
import type { SendResult } from "./send-http";

type EmailConfig = Extract<ChannelConfig, { kind: "EMAIL" }>;

export async function sendEmail(c: EmailConfig, m: { subject: string; text: string; html: string }, policy: OutboundPolicy): Promise<SendResult> {
  const pinned = await checkOutbound({ protocol: "smtp:", host: c.host }, policy);
  const plainAllowed = policy.httpHosts.includes(c.host.toLowerCase());
  const transport = nodemailer.createTransport({
    host: pinned.address,
    port: c.port,
    secure: c.secure,
    requireTLS: !c.secure && !plainAllowed,
    ignoreTLS: plainAllowed && !c.secure,
    tls: { servername: c.host },
    auth: c.user ? { user: c.user, pass: c.password ?? "" } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
    logger: false,
  });
  try {
    await transport.sendMail({ from: c.from, to: c.to, subject: m.subject, text: m.text, html: m.html });
    return { ok: true };
  } catch (e) {
    const err = e as { code?: string; responseCode?: number; message?: string };
    return { ok: false, error: `SMTP ${err.responseCode ?? err.code ?? "error"}: ${(err.message ?? "").slice(0, 200)}` };
  } finally {
    transport.close();
  }
}
