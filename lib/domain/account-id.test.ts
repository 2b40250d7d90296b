import { describe, expect, it } from "vitest";
import { z } from "zod";
import { accountIdMessage, accountIdSchema } from "./account-id";

describe("accountIdSchema", () => {
  it("takes 12 digits and nothing else", () => {
    expect(accountIdSchema.parse("123456789012")).toBe("123456789012");
    for (const bad of ["12345678901", "1234567890123", "12345678901a", " 123456789012", ""]) expect(accountIdSchema.safeParse(bad).success).toBe(false);
  });

  it("quotes the value that failed, cut to 40 characters", () => {
    expect(accountIdSchema.safeParse("12345").error?.issues[0].message).toBe('expected a 12-digit account id, got "12345"');
    const long = "9".repeat(60);
    expect(accountIdSchema.safeParse(long).error?.issues[0].message).toBe(`expected a 12-digit account id, got "${"9".repeat(40)}…"`);
    expect(accountIdMessage('a"b')).toBe('expected a 12-digit account id, got "a\\"b"');
  });

  it("names the failing entry of a list", () => {
    const issue = z.array(accountIdSchema).safeParse(["123456789012", "1234"]).error?.issues[0];
    expect(issue?.path).toEqual([1]);
    expect(issue?.message).toBe('expected a 12-digit account id, got "1234"');
  });
});
