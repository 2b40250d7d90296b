import { describe, expect, it } from "vitest";
import { clientAddress, createRateLimiter } from "./rate-limit";
import { decodeAttempt, encodeAttempt, safeReturnTo } from "./sign-in-attempt";

describe("sign-in rate limit", () => {
  it("allows N attempts per address per minute, then refuses until the window passes", () => {
    const limiter = createRateLimiter(3);
    const t = 1_000_000;
    expect([1, 2, 3, 4].map((i) => limiter.allow("10.0.0.1", t + i))).toEqual([true, true, true, false]);
    expect(limiter.allow("10.0.0.2", t + 5)).toBe(true);
    expect(limiter.allow("10.0.0.1", t + 60_001)).toBe(true);
  });

  it("keeps its memory bounded", () => {
    const limiter = createRateLimiter(1, 100);
    for (let i = 0; i < 1000; i++) limiter.allow(`k${i}`, i);
    expect(limiter.allow("k999", 999)).toBe(false);
  });

  it("reads the address the nearest proxy appended, not one the client wrote", () => {
    // The client sent "203.0.113.9"; our proxy appended the address it saw, 198.51.100.7.
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9 , 198.51.100.7 ," }))).toBe("198.51.100.7");
    expect(clientAddress(new Headers({ "x-real-ip": "198.51.100.8" }))).toBe("198.51.100.8");
    expect(clientAddress(new Headers())).toBe("direct");
  });

  it("counts as many proxies from the right as are trusted, and with none the connection's address", () => {
    const h = new Headers({ "x-forwarded-for": "203.0.113.9, 198.51.100.7, 10.0.0.5", "x-inspectorate-peer": "10.0.0.9" });
    expect(clientAddress(h, 1)).toBe("10.0.0.5");
    expect(clientAddress(h, 2)).toBe("198.51.100.7"); // a CDN in front of the load balancer
    expect(clientAddress(h, 5)).toBe("203.0.113.9"); // fewer entries than proxies: the first
    // Reached directly, X-Forwarded-For is whatever the client wrote.
    expect(clientAddress(h, 0)).toBe("10.0.0.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.7" }), 0)).toBe("direct");
  });

  it("cannot be escaped by rotating a forged X-Forwarded-For entry", () => {
    const limiter = createRateLimiter(3);
    const t = 2_000_000;
    const attempts = [1, 2, 3, 4, 5].map((i) =>
      limiter.allow(clientAddress(new Headers({ "x-forwarded-for": `10.9.9.${i}, 198.51.100.7` })), t + i),
    );
    expect(attempts).toEqual([true, true, true, false, false]);
  });
});

describe("sign-in attempt cookie", () => {
  it("round-trips and sends the user back only to a path on this site", () => {
    const a = { state: "s".repeat(43), nonce: "n".repeat(43), verifier: "v".repeat(43), returnTo: "/findings?severity=CRITICAL" };
    expect(decodeAttempt(encodeAttempt(a))).toEqual(a);
    expect(decodeAttempt(encodeAttempt({ ...a, returnTo: "//evil.example" }))?.returnTo).toBe("/");
    expect(decodeAttempt("not-base64-json")).toBeNull();
    expect(decodeAttempt(undefined)).toBeNull();
    for (const bad of ["https://evil.example", "/\\evil.example", "/auth/signin", "", null]) expect(safeReturnTo(bad)).toBe("/");
  });
});
