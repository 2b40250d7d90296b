// Each forbidden target gets a webhook channel's delivery refused before any connection; the
// local receiver is reached only once an admin allows its host.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkOutbound, isBlockedAddress } from "./outbound-check";
import { sendToChannel } from "./send-channel";
import { testDigest } from "./digest";
import { startHttpReceiver } from "./test-support/receivers";

const none = { httpHosts: [], privateHosts: [] };
const secret = "s".repeat(32);
let rx: Awaited<ReturnType<typeof startHttpReceiver>>;
beforeAll(async () => { rx = await startHttpReceiver({ webhookSecret: secret }); });
afterAll(() => rx.close());

const webhook = (url: string) => ({ kind: "WEBHOOK" as const, url, signingSecret: secret });

describe("outbound URL checks", () => {
  it.each([
    ["link-local (instance credentials)", "https://169.254.169.254/latest/meta-data/"],
    ["private 10/8", "https://10.0.0.5/hook"],
    ["private 172.16/12", "https://172.20.1.1/hook"],
    ["private 192.168/16", "https://192.168.1.10/hook"],
    ["loopback", "https://127.0.0.1:9/hook"],
    ["loopback by name", "https://localhost:9/hook"],
    ["IPv6 loopback", "https://[::1]:9/hook"],
    ["IPv6 unique local", "https://[fd00::1]/hook"],
    ["IPv4-mapped link-local", "https://[::ffff:169.254.169.254]/"],
    ["plain http", "http://example.com/hook"],
    ["not http at all", "ftp://example.com/hook"],
  ])("refuses a webhook at %s", async (_label, url) => {
    const r = await sendToChannel(webhook(url), testDigest("t", "https://app.example"), "1", none);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/^refused: /);
  });

  it("reaches a local receiver only when its host is allowed (plain and private)", async () => {
    const before = rx.received.length;
    const refused = await sendToChannel(webhook(`${rx.url}/webhook`), testDigest("t", "https://app.example"), "1", none);
    expect(refused.error).toMatch(/plain http/);
    const httpOnly = await sendToChannel(webhook(`${rx.url}/webhook`), testDigest("t", "https://app.example"), "1", { httpHosts: ["127.0.0.1"], privateHosts: [] });
    expect(httpOnly.error).toMatch(/loopback, link-local or private/);
    expect(rx.received.length).toBe(before);
    const ok = await sendToChannel(webhook(`${rx.url}/webhook`), testDigest("t", "https://app.example"), "1", { httpHosts: ["127.0.0.1"], privateHosts: ["127.0.0.1"] });
    expect(ok).toEqual({ ok: true });
    expect(rx.ok("/webhook")).toHaveLength(1);
  });

  it("classifies addresses", async () => {
    expect(["8.8.8.8", "2606:4700::1111", "100.63.0.1"].map(isBlockedAddress)).toEqual([false, false, false]);
    expect(["0.0.0.0", "100.64.0.1", "::", "fe80::1"].map(isBlockedAddress)).toEqual([true, true, true, true]);
    await expect(checkOutbound({ protocol: "https:", host: "169.254.169.254" }, { httpHosts: [], privateHosts: ["169.254.169.254"] })).resolves.toMatchObject({ address: "169.254.169.254" });
  });
});
