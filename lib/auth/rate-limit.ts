// Sign-in attempts per client address, in memory: a fixed one-minute window per key. Each server
// process counts its own (web workers and replicas each allow the limit), and a restart forgets them.
export interface RateLimiter {
  /** True when the attempt may go ahead (and counts it). */
  allow(key: string, now?: number): boolean;
}

export function createRateLimiter(perMinute: number, maxKeys = 10_000): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    allow(key, now = Date.now()) {
      const w = windows.get(key);
      if (!w || now - w.start >= 60_000) {
        // Forget stale windows before the map grows without bound (many spoofed addresses).
        if (windows.size >= maxKeys) for (const [k, v] of windows) if (now - v.start >= 60_000 || windows.size >= maxKeys) windows.delete(k);
        windows.set(key, { start: now, count: 1 });
        return true;
      }
      w.count += 1;
      return w.count <= perMinute;
    },
  };
}

/** The connection's address, set by the HTTP observer on every request (lib/ops/http-observer.ts). */
const PEER_HEADER = "x-inspectorate-peer";

/**
 * The client's address for the sign-in limiter and the audit trail. Each proxy appends the address it
 * was connected from to X-Forwarded-For, so with `proxies` trusted proxies in front (a load balancer:
 * 1, INSPECTORATE_TRUSTED_PROXIES) the client is the entry that many places from the right; everything
 * to its left arrived from the client and may be forged (the leftmost entry was taken once: rotating it
 * escaped the rate limit and wrote any address into the audit). With none (0), the connection's own
 * address: a client reaching the app directly writes X-Forwarded-For itself. X-Real-IP (set, not
 * appended, by proxies) counts only behind a proxy and without X-Forwarded-For; "direct" when nothing says.
 */
export function clientAddress(headers: Headers, proxies = trustedProxies()): string {
  const peer = headers.get(PEER_HEADER)?.trim() || undefined;
  if (proxies === 0) return peer ?? "direct";
  const chain = headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  const forwarded = chain.length ? chain[Math.max(0, chain.length - proxies)] : undefined;
  return forwarded || headers.get("x-real-ip")?.trim() || peer || "direct";
}

function trustedProxies(): number {
  const n = Number(process.env.INSPECTORATE_TRUSTED_PROXIES ?? 1);
  return Number.isInteger(n) && n >= 0 ? n : 1;
}
