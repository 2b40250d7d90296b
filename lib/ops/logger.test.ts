import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { withLogContext } from "./log-context";

function capture(level: string | null = "trace") {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(...String(chunk).split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(stream, level ?? undefined), lines, json: () => lines.map((l) => JSON.parse(l)) };
}

const secrets = ["Bearer sk-live-abc123", "inspectorate_session=s3cr3t-cookie", "AKIAEXAMPLEKEY", "wJalrSecretKey", "FQoGZXIvYXdzEJr", "tok-xyz-999"];

describe("the logger", () => {
  it("writes JSON lines with the request id, run id and region of the context", () => {
    const { logger, json } = capture();
    withLogContext({ requestId: "req-1" }, () => withLogContext({ runId: 42, region: "eu-west-1" }, () => logger.info("listing")));
    expect(json()[0]).toMatchObject({ level: 30, msg: "listing", requestId: "req-1", runId: 42, region: "eu-west-1", service: "inspectorate" });
  });

  it("masks a database URL's password in a logged error", () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error("connect to postgresql://app:db-s3cret@replica:5432/x failed") }, "read replica down");
    expect(lines.join("\n")).toContain("postgresql://app:***@replica:5432/x");
    expect(lines.join("\n")).not.toContain("db-s3cret");
  });

  it("never writes credentials, tokens or cookies", () => {
    const { logger, lines } = capture();
    const req = {
      method: "GET",
      url: "/api/findings?token=tok-xyz-999",
      headers: { authorization: secrets[0], cookie: secrets[1], "x-api-key": "tok-xyz-999", "user-agent": "curl/8" },
    };
    logger.info({ req }, "request");
    logger.info({ headers: { authorization: secrets[0], cookie: secrets[1] } }, "raw headers");
    logger.warn({ credentials: { accessKeyId: secrets[2], secretAccessKey: secrets[3], sessionToken: secrets[4] } }, "creds");
    logger.warn({ aws: { accessKeyId: secrets[2], secretAccessKey: secrets[3], sessionToken: secrets[4] }, token: secrets[5] }, "nested");
    logger.error({ req: new Request("http://x/a?token=tok-xyz-999", { headers: { Authorization: secrets[0], Cookie: secrets[1] } }) }, "fetch request");
    const text = lines.join("\n");
    for (const s of secrets) expect(text).not.toContain(s.split("=").at(-1));
    expect(text).toContain("curl/8");
    expect(text).toContain('"path":"/api/findings"');
    expect(lines).toHaveLength(5);
  });

  it("takes its level from LOG_LEVEL", () => {
    const before = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = "warn";
    try {
      const { logger, json } = capture(null);
      logger.info("hidden");
      logger.warn("shown");
      expect(json().map((l) => l.msg)).toEqual(["shown"]);
    } finally {
      process.env.LOG_LEVEL = before;
      if (before === undefined) delete process.env.LOG_LEVEL;
    }
  });
});
