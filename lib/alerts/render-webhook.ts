// The generic webhook: the digest as JSON, signed like Stripe/Slack do it. The receiver recomputes
// HMAC-SHA256(secret, "<timestamp>.<body>") and compares it with X-Inspectorate-Signature, and
// refuses timestamps older than a few minutes (replays).
import crypto from "node:crypto";
import type { Digest } from "./digest";

export const SIGNATURE_HEADER = "x-inspectorate-signature";
export const TIMESTAMP_HEADER = "x-inspectorate-timestamp";
export const DELIVERY_HEADER = "x-inspectorate-delivery";

export function webhookBody(d: Digest, deliveryId: string): string {
  return JSON.stringify({ type: "inspectorate.alert", delivery: deliveryId, ...d });
}

export function signature(secret: string, timestamp: string, body: string): string {
  return `sha256=${crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export function webhookHeaders(secret: string, body: string, deliveryId: string, now = new Date()): Record<string, string> {
  const timestamp = String(Math.floor(now.getTime() / 1000));
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature(secret, timestamp, body), [DELIVERY_HEADER]: deliveryId };
}

/** What a receiver does (and the tests): constant-time compare within a five-minute window. */
export function verifySignature(secret: string, headers: Record<string, string | undefined>, body: string, now = new Date()): boolean {
  const ts = headers[TIMESTAMP_HEADER];
  const sig = headers[SIGNATURE_HEADER];
  if (!ts || !sig || Math.abs(now.getTime() / 1000 - Number(ts)) > 300) return false;
  const want = Buffer.from(signature(secret, ts, body));
  const got = Buffer.from(sig);
  return want.length === got.length && crypto.timingSafeEqual(want, got);
}
