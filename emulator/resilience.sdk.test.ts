import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ListFindingsCommand, ThrottlingException } from "@aws-sdk/client-inspector2";
import { startEmulator, type EmulatorHandle } from "./server";
import { allFindings, inspector, TEST_NOW } from "./test-support";

// Throttling, injected faults and latency, answered by the SDK's own retry strategy.

let h: EmulatorHandle;
beforeAll(async () => { h = await startEmulator({ seed: 21, accounts: 6, findings: 1500, now: TEST_NOW }); });
afterAll(() => h.close());

describe("throttling", () => {
  it("returns 429 ThrottlingException with an integer Retry-After once the bucket is empty", async () => {
    h.setOptions({ throttle: { ListFindings: 1 } });
    try {
      const c = inspector(h, "us-east-1", { maxAttempts: 1 });
      await c.send(new ListFindingsCommand({ maxResults: 1 }));
      const e = await c.send(new ListFindingsCommand({ maxResults: 1 })).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ThrottlingException);
      expect((e as ThrottlingException).message).toBe("Rate exceeded");
      expect((e as ThrottlingException).$metadata.httpStatusCode).toBe(429);
      expect((e as ThrottlingException).$response?.headers["retry-after"]).toMatch(/^\d+$/);
    } finally {
      h.setOptions({ throttle: {} });
    }
  });

  it("all pages still arrive through the SDK's retries at a low rate", async () => {
    const expected = await allFindings(inspector(h), undefined, 100);
    const before = h.stats().throttled;
    h.setOptions({ throttle: { ListFindings: 5 } });
    try {
      const got = await allFindings(inspector(h, "us-east-1", { maxAttempts: 10 }), undefined, 50);
      expect(got.map((f) => f.findingArn)).toEqual(expected.map((f) => f.findingArn));
      expect(h.stats().throttled).toBeGreaterThan(before);
    } finally {
      h.setOptions({ throttle: {} });
    }
  }, 30_000);
});

describe("faults and latency", () => {
  it("injected 500s are retried by the SDK and counted", async () => {
    const expected = await allFindings(inspector(h));
    h.setOptions({ faultRate: 0.3 });
    try {
      const got = await allFindings(inspector(h, "us-east-1", { maxAttempts: 10 }), undefined, 50);
      expect(got.length).toBe(expected.length);
      expect(h.stats().faults).toBeGreaterThan(0);
    } finally {
      h.setOptions({ faultRate: 0 });
    }
  }, 30_000);

  it("adds the configured latency to each request", async () => {
    const c = inspector(h);
    await c.send(new ListFindingsCommand({ maxResults: 1 }));
    h.setOptions({ latencyMs: 150 });
    try {
      const t = Date.now();
      await c.send(new ListFindingsCommand({ maxResults: 1 }));
      expect(Date.now() - t).toBeGreaterThanOrEqual(145);
    } finally {
      h.setOptions({ latencyMs: 0 });
    }
    expect(h.stats().requests.ListFindings).toBeGreaterThan(3);
  });
});
