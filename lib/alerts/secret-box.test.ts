import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

const key = crypto.randomBytes(32);

describe("secret box", () => {
  it("round-trips and never stores the plain text", () => {
    const sealed = sealSecret({ url: "https://hooks.slack.com/services/T/B/secret" }, key);
    expect(sealed).not.toContain("hooks.slack.com");
    expect(openSecret(sealed, key)).toEqual({ url: "https://hooks.slack.com/services/T/B/secret" });
  });

  it("refuses a wrong key and a changed byte", () => {
    const sealed = sealSecret({ password: "p" }, key);
    expect(() => openSecret(sealed, crypto.randomBytes(32))).toThrow();
    const parts = sealed.split(".");
    // One bit of the first byte flipped: always a change (setting it to "x" was none when it was "x").
    const body = Buffer.from(parts[3], "base64url");
    body[0] ^= 1;
    parts[3] = body.toString("base64url");
    expect(() => openSecret(parts.join("."), key)).toThrow();
  });
});
