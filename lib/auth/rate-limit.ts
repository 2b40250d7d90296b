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

/**
 * The client's address for the sign-in limiter and the audit trail: the RIGHTMOST X-Forwarded-For
 * entry. Each proxy appends the address it was connected from, so the last entry is the one the
 * nearest proxy (ours) saw; everything to its left arrived from the client and may be forged (the
 * leftmost entry was: rotating it escaped the rate limit and wrote any address into the audit).
 * Without a proxy, Next.js's server sets the header to the socket's address, but only when the
 * request has none, so a deployment reached directly should still sit behind a proxy that sets or
 * appends it (there is no trusted-proxy setting). X-Real-IP (set, not appended, by proxies) counts
 * only when there is no X-Forwarded-For; "direct" when nothing says.
 */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").map((s) => s.trim()).filter(Boolean).at(-1);
  return forwarded || headers.get("x-real-ip")?.trim() || "direct";
}
