import { describe, expect, it } from "vitest";
import { createAwsClients } from "./clients";

describe("learned pacing rates", () => {
  it("a run's clients start each operation where the previous run left it, others at the default", () => {
    const clock = { t: 0 };
    const opts = {
      credentials: async () => ({ accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" }),
      homeRegion: "us-east-1",
      limiter: { now: () => clock.t },
    };
    const first = createAwsClients(opts);
    const l = first.limiter("ap-learn-1", "ListCoverage");
    expect(l.rate).toBe(20);
    for (let i = 0; i < 50; i++) {
      clock.t += 10; // 50 successes in half a second: 50 per one-second window
      l.onSuccess();
    }
    expect(l.peakRate).toBe(50);
    // Throttled once: the server's limit is known, start at 90% of the best success rate.
    const throttled = first.limiter("ap-learn-1", "ListFindings");
    for (let i = 0; i < 30; i++) {
      clock.t += 10;
      throttled.onSuccess();
    }
    throttled.onThrottle();
    first.destroy();

    const next = createAwsClients(opts);
    // Never throttled: the rate reached (20, as nothing waited) or the best success rate, whichever is higher.
    expect(next.limiter("ap-learn-1", "ListCoverage").rate).toBe(50);
    expect(next.limiter("ap-learn-1", "ListFindings").rate).toBeCloseTo(27);
    expect(next.limiter("ap-learn-2", "ListCoverage").rate).toBe(20);
    next.destroy();
  });
});
