// Two middlewares every client gets. Outermost: any failure (after the SDK's own retries)
// becomes an AwsCallError naming the IAM action and region. Per attempt (inside the retry
// loop): wait for the rate limiter, count the request, and feed throttling back into it.
import { metrics } from "@/lib/ops/metrics";
import type { AwsCallStats } from "./clients";
import { classifyAwsError, iamAction, toAwsCallError } from "./errors";
import type { AdaptiveRateLimiter } from "./rate-limiter";

interface StackLike {
  middlewareStack: { add(mw: unknown, opts: Record<string, unknown>): void };
}
type Next = (args: unknown) => Promise<unknown>;
type Ctx = { clientName?: string; commandName?: string };

export function addErrorMiddleware(client: StackLike, clientName: string, region: string | undefined): void {
  client.middlewareStack.add(
    (next: Next, context: Ctx) => async (args: unknown) => {
      try {
        return await next(args);
      } catch (err) {
        const operation = (context.commandName ?? "Unknown").replace(/Command$/, "");
        metrics().awsErrors.inc({ region: region ?? "global", operation, kind: classifyAwsError(err) });
        throw toAwsCallError(err, iamAction(clientName, context.commandName ?? "Unknown"), region);
      }
    },
    { step: "initialize", name: "inspectorateErrors", priority: "high" },
  );
}

export function addPacingMiddleware(
  client: StackLike,
  limiterFor: (operation: string) => AdaptiveRateLimiter,
  stats: AwsCallStats,
  region: string,
): void {
  client.middlewareStack.add(
    (next: Next, context: Ctx) => async (args: unknown) => {
      const operation = (context.commandName ?? "Unknown").replace(/Command$/, "");
      const limiter = limiterFor(operation);
      await limiter.acquire();
      stats.requests++;
      metrics().awsRequests.inc({ region, operation });
      try {
        const out = await next(args);
        limiter.onSuccess();
        return out;
      } catch (err) {
        if (classifyAwsError(err) === "THROTTLED") {
          stats.throttled++;
          metrics().awsThrottles.inc({ region, operation });
          limiter.onThrottle();
        }
        throw err;
      }
    },
    { step: "finalizeRequest", name: "inspectoratePacing", priority: "low" },
  );
}
