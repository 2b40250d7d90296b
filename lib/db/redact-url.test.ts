import { describe, expect, it } from "vitest";
import { redactDatabaseText, redactUrlPassword } from "./redact-url";

describe("database URL redaction", () => {
  it("masks the password of URLs in text, keeping user, host and database", () => {
    expect(redactUrlPassword("postgresql://app:s3cret@db:5432/x?sslmode=require")).toBe("postgresql://app:***@db:5432/x?sslmode=require");
    expect(redactUrlPassword("connect to postgres://a:b:c@d@host/x failed")).toBe("connect to postgres://a:***@host/x failed");
    expect(redactUrlPassword("postgres//app:s3cret@db/x")).toBe("postgres//app:***@db/x");
    expect(redactUrlPassword("app:s3cret@db")).toBe("app:***@db");
    expect(redactUrlPassword("postgresql://app@db/x and not-a-url")).toBe("postgresql://app@db/x and not-a-url");
  });

  it("removes a known URL and its password, plain or percent-encoded, wherever they appear", () => {
    const url = "postgresql://app:p%40ss@replica:5432/x";
    expect(redactDatabaseText(`no ${url}; password p@ss or p%40ss`, url)).toBe("no [DATABASE_URL]; password *** or ***");
  });
});
