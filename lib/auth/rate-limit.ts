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

/** The client's address as the nearest proxy reports it; "direct" when nothing says. */
export function clientAddress(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "direct";
}
