import { describe, expect, it } from "vitest";
import * as envModule from "./env";
import { ConfigError, configuredRegions, parseEnv, slaDays } from "./env";
import { syncConfigFromEnv } from "./sync/sync-config";

describe("parseEnv", () => {
  it("applies safe defaults: loopback bind, port 3000, hourly sync, embedded DB", () => {
    const e = parseEnv({});
    expect(e.HOST).toBe("127.0.0.1");
    expect(e.PORT).toBe(3000);
    expect(e.INSPECTORATE_SYNC_INTERVAL_MINUTES).toBe(60);
    expect(e.DATABASE_URL).toBeUndefined();
    expect(configuredRegions(e)).toEqual(["us-east-1"]);
  });

  it("refuses a setting that was renamed, naming its successor", () => {
    expect(() => parseEnv({ INSPECTORATE_OPEN_INDEX_MAX: "0" })).toThrow(/^INSPECTORATE_OPEN_INDEX_MAX: renamed INSPECTORATE_FINDINGS_INDEX_MAX, /);
    expect(parseEnv({ INSPECTORATE_FINDINGS_INDEX_MAX: "0" }).INSPECTORATE_FINDINGS_INDEX_MAX).toBe(0);
  });

  it("names the variable and the expectation for a bad database URL", () => {
    expect(() => parseEnv({ DATABASE_URL: "not-a-url" })).toThrow(ConfigError);
    expect(() => parseEnv({ DATABASE_URL: "not-a-url" })).toThrow(/^DATABASE_URL: expected a postgres:\/\/ or postgresql:\/\/ URL \(got "not-a-url"\)$/);
  });

  it("takes a read replica beside a configured primary; refuses a bad one or one beside the embedded database", () => {
    const primary = "postgresql://app:pw@db-primary:5432/inspectorate";
    expect(parseEnv({ DATABASE_URL: primary, DATABASE_READ_URL: "postgresql://app:pw@db-replica:5432/inspectorate" }).DATABASE_READ_URL).toMatch(/db-replica/);
    expect(() => parseEnv({ DATABASE_URL: primary, DATABASE_READ_URL: "mysql://app:s3cret@db-replica/x" })).toThrow(
      /^DATABASE_READ_URL: expected a postgres:\/\/ or postgresql:\/\/ URL \(got "mysql:\/\/app:\*\*\*@db-replica\/x"\)$/,
    );
    const embedded = /^DATABASE_READ_URL: a read replica needs DATABASE_URL \(a PostgreSQL server\): the embedded database has no replicas/;
    expect(() => parseEnv({ DATABASE_READ_URL: "postgresql://app:pw@db-replica/x" })).toThrow(embedded);
    // The launcher hands the embedded database to the server as DATABASE_URL, flagged embedded.
    expect(() => parseEnv({ DATABASE_URL: primary, INSPECTORATE_EMBEDDED_DB: "1", DATABASE_READ_URL: "postgresql://app:pw@db-replica/x" })).toThrow(embedded);
  });

  it("takes several web workers only beside a PostgreSQL server, and says what it expected", () => {
    const primary = "postgresql://app:pw@db-primary:5432/inspectorate";
    expect(parseEnv({}).INSPECTORATE_WEB_WORKERS).toBe(1);
    expect(parseEnv({ DATABASE_URL: primary, INSPECTORATE_WEB_WORKERS: "2" }).INSPECTORATE_WEB_WORKERS).toBe(2);
    const embedded = /^INSPECTORATE_WEB_WORKERS: more than one web worker needs DATABASE_URL \(a PostgreSQL server\)/;
    expect(() => parseEnv({ INSPECTORATE_WEB_WORKERS: "2" })).toThrow(embedded);
    expect(() => parseEnv({ DATABASE_URL: primary, INSPECTORATE_EMBEDDED_DB: "1", INSPECTORATE_WEB_WORKERS: "2" })).toThrow(embedded);
    expect(() => parseEnv({ DATABASE_URL: primary, INSPECTORATE_WEB_WORKERS: "0" })).toThrow(/^INSPECTORATE_WEB_WORKERS: /);
    expect(() => parseEnv({ DATABASE_URL: primary, INSPECTORATE_WEB_WORKERS: "two" })).toThrow(/^INSPECTORATE_WEB_WORKERS: /);
  });

  it("fixes the sync's heap growth at 50 % unless told otherwise (0: V8's own), and says what it expected", () => {
    expect(syncConfigFromEnv(parseEnv({})).heapGrowthPercent).toBe(50);
    expect(syncConfigFromEnv(parseEnv({ INSPECTORATE_SYNC_HEAP_GROWTH_PERCENT: "0" })).heapGrowthPercent).toBe(0);
    expect(syncConfigFromEnv(parseEnv({ INSPECTORATE_SYNC_HEAP_GROWTH_PERCENT: "100" })).heapGrowthPercent).toBe(100);
    for (const bad of ["-5", "401", "half"]) {
      expect(() => parseEnv({ INSPECTORATE_SYNC_HEAP_GROWTH_PERCENT: bad })).toThrow(/^INSPECTORATE_SYNC_HEAP_GROWTH_PERCENT: /);
    }
  });

  it("never echoes a password or a token in a config error", () => {
    const err = (source: Record<string, string>) => { try { parseEnv(source); } catch (e) { return String((e as Error).message); } return ""; };
    expect(err({ DATABASE_URL: "postgresql//app:s3cret@host/db" })).not.toContain("s3cret");
    expect(err({ DATABASE_URL: "app:s3cret@host" })).not.toContain("s3cret");
    expect(err({ INSPECTORATE_METRICS_TOKEN: "short-s3cret" })).toBe("INSPECTORATE_METRICS_TOKEN: expected at least 16 characters");
  });

  it("never echoes the value of a key, secret, password or credential variable, and still names it in one line", () => {
    const err = (source: Record<string, string>) => { try { parseEnv(source); } catch (e) { return String((e as Error).message); } return ""; };
    // 63 hex characters: one short of a 32-byte key.
    const key = "0123456789abcdef".repeat(4).slice(0, 63);
    expect(err({ INSPECTORATE_SECRETS_KEY: key })).toBe("INSPECTORATE_SECRETS_KEY: expected 32 bytes as 64 hex characters or base64");
    const base64 = Buffer.alloc(16, 7).toString("base64");
    expect(err({ INSPECTORATE_SECRETS_KEY: base64 })).not.toContain(base64);
    expect(err({ INSPECTORATE_GATE_TOKEN: "tok-s3cret" })).toBe("INSPECTORATE_GATE_TOKEN: expected at least 16 characters");
    // The rule covers every such name, whatever its schema says.
    const { secretNames } = envModule;
    for (const name of ["INSPECTORATE_SECRETS_KEY", "X_API_KEY", "SMTP_PASSWORD", "db_password_file", "AWS_CREDENTIALS", "INSPECTORATE_OIDC_CLIENT_SECRET", "secret_sauce", "GITHUB_TOKEN"]) {
      expect(secretNames.test(name), name).toBe(true);
    }
    for (const name of ["DATABASE_URL", "HOST", "INSPECTORATE_REGIONS"]) expect(secretNames.test(name), name).toBe(false);
    // Ordinary values are still echoed, so a typo is easy to find.
    expect(err({ PORT: "70000" })).toMatch(/^PORT: [^\n]+ \(got "70000"\)$/);
  });

  it("rejects a malformed role ARN and region lists item by item", () => {
    expect(() => parseEnv({ INSPECTORATE_ROLE_ARN: "arn:aws:iam::12:role/x" })).toThrow(/^INSPECTORATE_ROLE_ARN: expected an IAM role ARN/);
    expect(() => parseEnv({ INSPECTORATE_REGIONS: "us-east-1,mars-1" })).toThrow(/INSPECTORATE_REGIONS: "mars-1" is not valid/);
    expect(configuredRegions(parseEnv({ INSPECTORATE_REGIONS: "eu-west-1, us-east-2" }))).toEqual(["eu-west-1", "us-east-2"]);
  });

  it("parses SLA overrides and keeps the defaults for the rest", () => {
    expect(slaDays(parseEnv({ INSPECTORATE_SLA_DAYS: "critical=7,low=365" }))).toMatchObject({ CRITICAL: 7, HIGH: 30, MEDIUM: 90, LOW: 365 });
    expect(() => parseEnv({ INSPECTORATE_SLA_DAYS: "urgent=3" })).toThrow(/INSPECTORATE_SLA_DAYS: "urgent=3" is not key=value/);
  });

  it("rejects out-of-range ports", () => {
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/^PORT: /);
  });
});
