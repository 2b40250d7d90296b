// The optional bearer token for /api/metrics, compared in constant time.
import { createHash, timingSafeEqual } from "node:crypto";

const digest = (s: string) => createHash("sha256").update(s).digest();

export function metricsTokenAccepts(token: string | undefined, authorization: string | null): boolean {
  if (!token) return true;
  const given = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(given), digest(token));
}
