// The AWS clients of one sync run: STS and Organizations plus one Inspector2 client per region,
// all signing with the same assumed-role session. Endpoints, profiles and proxies come only from
// standard AWS configuration (AWS_ENDPOINT_URL etc.), read by the SDK itself.
import { Inspector2Client } from "@aws-sdk/client-inspector2";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { STSClient } from "@aws-sdk/client-sts";
import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { addClockMiddleware, awsClock, type AwsClock } from "./aws-clock";
import { FastListFindingsProtocol } from "./fast-findings-protocol";
import { addErrorMiddleware, addPacingMiddleware } from "./middleware";
import { AdaptiveRateLimiter, type RateLimiterOptions } from "./rate-limiter";
import { learnedRate, learnedRateKey, rememberRate } from "./learned-rates";

export interface AwsCallStats {
  requests: number;
  throttled: number;
}

export interface AwsClients {
  sts: STSClient;
  organizations: OrganizationsClient;
  inspector(region: string): Inspector2Client;
  /** The pacing limiter of one operation in one region (exposed for progress and benchmarks). */
  limiter(region: string, operation: string): AdaptiveRateLimiter;
  stats: AwsCallStats;
  /** AWS's time as its responses' Date headers tell it. */
  clock: AwsClock;
  destroy(): void;
}

export interface ClientOptions {
  credentials: AwsCredentialIdentityProvider;
  /** Region for STS calls (the first configured region). */
  homeRegion: string;
  limiter?: RateLimiterOptions;
  /** Attempts per call including the first, for the SDK's standard retry (throttling, 5xx). */
  maxAttempts?: number;
  /** The app's clock, to measure AWS's against (tests pass the emulator's). */
  now?: () => Date;
}

const ORGANIZATIONS_REGION = "us-east-1";
const requestHandler = { requestTimeout: 60_000, connectionTimeout: 10_000 };

export function createAwsClients(o: ClientOptions): AwsClients {
  const stats: AwsCallStats = { requests: 0, throttled: 0 };
  const limiters = new Map<string, AdaptiveRateLimiter>();
  const learnedKeys = new Map<AdaptiveRateLimiter, string>();
  const limiter = (region: string, operation: string) => {
    const key = `${region}/${operation}`;
    let l = limiters.get(key);
    if (!l) {
      const learnedKey = learnedRateKey(region, operation);
      l = new AdaptiveRateLimiter({ ...o.limiter, initialRate: o.limiter?.initialRate ?? learnedRate(learnedKey) });
      limiters.set(key, l);
      learnedKeys.set(l, learnedKey);
    }
    return l;
  };
  const clock = awsClock();
  const now = o.now ?? (() => new Date());
  const common = { credentials: o.credentials, maxAttempts: o.maxAttempts ?? 8, requestHandler };

  const sts = new STSClient({ ...common, region: o.homeRegion });
  addErrorMiddleware(sts, "STSClient", o.homeRegion);
  const organizations = new OrganizationsClient({ ...common, region: ORGANIZATIONS_REGION });
  addErrorMiddleware(organizations, "OrganizationsClient", undefined);
  addPacingMiddleware(organizations, (op) => limiter(ORGANIZATIONS_REGION, `organizations:${op}`), stats, "global"); // Organizations is global: its series are region="global"

  const inspectors = new Map<string, Inspector2Client>();
  const inspector = (region: string) => {
    let c = inspectors.get(region);
    if (!c) {
      c = new Inspector2Client({ ...common, region, protocol: FastListFindingsProtocol });
      addErrorMiddleware(c, "Inspector2Client", region);
      addPacingMiddleware(c, (op) => limiter(region, op), stats, region);
      addClockMiddleware(c, clock, now);
      inspectors.set(region, c);
    }
    return c;
  };

  return {
    sts,
    organizations,
    inspector,
    limiter,
    stats,
    clock,
    destroy() {
      for (const [l, key] of learnedKeys) rememberRate(key, l); // the next run starts from here
      sts.destroy();
      organizations.destroy();
      for (const c of inspectors.values()) c.destroy();
    },
  };
}
