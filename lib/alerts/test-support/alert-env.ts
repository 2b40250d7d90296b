// The environment the alert tests run with: a secrets key, and 127.0.0.1 allowed plain and private
// (the receivers listen there). Set before anything reads env() (it is read once per process).
import crypto from "node:crypto";
import type { OutboundPolicy } from "../outbound-check";

export function setAlertTestEnv(): OutboundPolicy {
  process.env.INSPECTORATE_SECRETS_KEY ??= crypto.randomBytes(32).toString("base64");
  process.env.INSPECTORATE_ALERTS_HTTP_HOSTS = "127.0.0.1";
  process.env.INSPECTORATE_ALERTS_PRIVATE_HOSTS = "127.0.0.1";
  return { httpHosts: ["127.0.0.1"], privateHosts: ["127.0.0.1"] };
}

/** Mail bodies are quoted-printable: undo soft line breaks and =XX escapes to search them. */
export function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}
