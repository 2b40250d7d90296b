// Without INSPECTORATE_SECRETS_KEY a channel is refused with one line naming the variable, and
// nothing is written; a malformed key stops the process at start like any bad setting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localActor } from "@/lib/auth/local-actor";
import { createTestDatabase, type TestDatabase } from "@/lib/db/test-database";
import { ConfigError, parseEnv } from "@/lib/env";
import { createChannel } from "./channel-store";

delete process.env.INSPECTORATE_SECRETS_KEY;
let database: TestDatabase;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(() => database.close());

describe("channel secrets key", () => {
  it("refuses to save a channel without the key, in one line, writing nothing", async () => {
    const saving = createChannel(database.pool, localActor, { name: "s", config: { kind: "SLACK", url: "https://hooks.slack.com/services/T/B/x" } });
    await expect(saving).rejects.toBeInstanceOf(ConfigError);
    await expect(saving).rejects.toThrow(/^INSPECTORATE_SECRETS_KEY is not set: [^\n]+$/);
    const { rows } = await database.pool.query(`SELECT (SELECT count(*) FROM alert_channels)::int AS c, (SELECT count(*) FROM audit_events)::int AS a`);
    expect(rows[0]).toEqual({ c: 0, a: 0 });
  });

  it("names a malformed key", () => {
    expect(() => parseEnv({ INSPECTORATE_SECRETS_KEY: "too-short" })).toThrow(/^INSPECTORATE_SECRETS_KEY: expected 32 bytes/);
    expect(parseEnv({ INSPECTORATE_SECRETS_KEY: "a".repeat(64) }).INSPECTORATE_SECRETS_KEY).toBe("a".repeat(64));
  });
});
