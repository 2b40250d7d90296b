// POSTs one JSON body to a checked URL, connecting only to the address the check approved (no
// second DNS answer, no redirects). Answers ok for 2xx; anything else is an error with a reason.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkOutbound, urlTarget, type OutboundPolicy } from "./outbound-check";

export interface SendResult {
  ok: boolean;
  error?: string;
}

const TIMEOUT_MS = 10_000;

export async function postJson(url: string, body: string, headers: Record<string, string>, policy: OutboundPolicy): Promise<SendResult> {
  const target = urlTarget(url);
  const pinned = await checkOutbound(target, policy);
  const lookup: LookupFunction = (_host, opts, cb) =>
    opts?.all ? (cb as (e: null, a: { address: string; family: number }[]) => void)(null, [pinned]) : cb(null, pinned.address, pinned.family);
  const request = target.protocol === "https:" ? https.request : http.request;
  return new Promise((resolve) => {
    const req = request(url, {
      method: "POST",
      lookup,
      timeout: TIMEOUT_MS,
      headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Inspectorate-Alerts/1", ...headers },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.length < 16 && chunks.push(c));
      res.on("end", () => {
        const status = res.statusCode ?? 0;
        const text = Buffer.concat(chunks).toString("utf8").slice(0, 200).replace(/\s+/g, " ").trim();
        resolve(status >= 200 && status < 300 ? { ok: true } : { ok: false, error: `HTTP ${status}${text ? `: ${text}` : ""}` });
      });
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    // The error names the failure, never the URL (it is the secret).
    req.on("error", (e: NodeJS.ErrnoException) => resolve({ ok: false, error: e.code ? `${e.code}: ${e.message.replace(/\S+:\/\/\S+/g, "<url>")}` : e.message }));
    req.end(body);
  });
}
