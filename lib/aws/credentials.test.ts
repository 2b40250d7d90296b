import { describe, expect, it } from "vitest";
import { memoizeCredentials } from "./credentials";

const creds = (n: number, expiresAt?: number) => ({
  accessKeyId: `AKIA${n}`,
  secretAccessKey: "s",
  ...(expiresAt ? { expiration: new Date(expiresAt) } : {}),
});

describe("memoizeCredentials", () => {
  it("reuses one session until shortly before it expires, then refreshes", async () => {
    let t = 0;
    let calls = 0;
    const provider = memoizeCredentials(async () => creds(++calls, t + 3_600_000), 300_000, () => t);
    expect((await provider()).accessKeyId).toBe("AKIA1");
    t = 3_000_000; // 10 minutes before expiry: still fine
    expect((await provider()).accessKeyId).toBe("AKIA1");
    t = 3_400_000; // within 5 minutes of expiry: refresh
    expect((await provider()).accessKeyId).toBe("AKIA2");
    expect(calls).toBe(2);
  });

  it("shares one in-flight request between concurrent callers", async () => {
    let calls = 0;
    const provider = memoizeCredentials(async () => {
      calls++;
      await new Promise((r) => setTimeout(r, 10));
      return creds(calls);
    });
    await Promise.all([provider(), provider(), provider()]);
    expect(calls).toBe(1);
  });

  it("does not cache a failure", async () => {
    let calls = 0;
    const provider = memoizeCredentials(async () => {
      if (++calls === 1) throw new Error("sts down");
      return creds(calls);
    });
    await expect(provider()).rejects.toThrow("sts down");
    expect((await provider()).accessKeyId).toBe("AKIA2");
  });
});
