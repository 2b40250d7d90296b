import type { IncomingMessage } from "node:http";

// Reading a request and the facts we route on: the SigV4 credential scope
// (access key, region, service) from the Authorization header.

export interface Scope { accessKeyId: string; region: string; service: string }

export interface EmuRequest {
  method: string;
  path: string;
  /** Query parameters (the code security list operations send nextToken and maxResults there). */
  query?: Record<string, string>;
  headers: Record<string, string | undefined>;
  body: string;
  scope?: Scope;
}

const MAX_BODY = 4 * 1024 * 1024;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) { reject(new Error("body too large")); req.destroy(); return; }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function parseScope(auth: string | undefined): Scope | undefined {
  const m = auth && /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(auth);
  return m ? { accessKeyId: m[1], region: m[2], service: m[3] } : undefined;
}

export type Service = "inspector2" | "sts" | "organizations" | "control" | "unknown";

export function serviceOf(r: EmuRequest): Service {
  if (r.path.startsWith("/_emulator/")) return "control";
  const s = r.scope?.service;
  if (s === "inspector2" || s === "sts" || s === "organizations") return s;
  const target = r.headers["x-amz-target"] ?? "";
  if (target.startsWith("AWSOrganizationsV20161128.")) return "organizations";
  if (/(^|&)Action=/.test(r.body) && (r.headers["content-type"] ?? "").includes("x-www-form-urlencoded")) return "sts";
  if (r.method === "POST" && r.path !== "/") return "inspector2";
  return "unknown";
}
