// The process-wide sign-in limiter (per client address), shared by /auth/signin and /auth/callback.
import { env } from "@/lib/env";
import { authPage } from "./auth-page";
import { clientAddress, createRateLimiter, type RateLimiter } from "./rate-limit";
import { logSignIn } from "./sign-in-log";

const holder = globalThis as { __inspectorateSignInLimiter?: RateLimiter };

/** A 429 page when this address has tried too often this minute, else null. */
export function refuseTooManySignIns(headers: Headers): Response | null {
  holder.__inspectorateSignInLimiter ??= createRateLimiter(env().INSPECTORATE_SIGNIN_RATE_PER_MINUTE);
  const address = clientAddress(headers);
  if (holder.__inspectorateSignInLimiter.allow(address)) return null;
  void logSignIn("rate_limited", { address });
  return authPage({
    title: "Too many sign-in attempts",
    lines: ["Wait a minute, then try again."],
    status: 429,
    headers: new Headers({ "retry-after": "60" }),
  });
}
