// Email goes to a local SMTP server (smtp-server from npm); TLS is required unless an admin lets
// the host be plain, and a private address is refused unless allowed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDigest } from "./digest";
import { emailMessage } from "./render-email";
import { sendEmail } from "./send-email";
import { decodeQuotedPrintable } from "./test-support/alert-env";
import { startSmtpReceiver } from "./test-support/receivers";

let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
beforeAll(async () => { smtp = await startSmtpReceiver(); });
afterAll(() => smtp.close());

const config = () => ({ kind: "EMAIL" as const, host: "127.0.0.1", port: smtp.port, secure: false, from: "a@inspectorate.example", to: ["sec@example.com", "ops@example.com"] });
const message = emailMessage(testDigest("mail", "https://app.example"));

describe("email over SMTP", () => {
  it("delivers to every recipient when the host is allowed plain and private", async () => {
    expect(await sendEmail(config(), message, { httpHosts: ["127.0.0.1"], privateHosts: ["127.0.0.1"] })).toEqual({ ok: true });
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toEqual(["sec@example.com", "ops@example.com"]);
    expect(decodeQuotedPrintable(smtp.mails[0].raw)).toContain("https://app.example/admin/alert-log");
  });

  it("requires STARTTLS for a host not allowed plain (this server offers none)", async () => {
    const r = await sendEmail(config(), message, { httpHosts: [], privateHosts: ["127.0.0.1"] });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/^SMTP /);
    expect(smtp.mails).toHaveLength(1);
  });

  it("refuses a loopback SMTP host unless allowed", async () => {
    await expect(sendEmail(config(), message, { httpHosts: ["127.0.0.1"], privateHosts: [] })).rejects.toThrow(/loopback, link-local or private/);
  });
});
