// Client-side pacing for one (region, operation): a token bucket whose rate adapts to the
// server. It ramps up fast while the API keeps answering; on a ThrottlingException it drops under
// the success rate just measured, returns quickly to 95% of it and probes up slowly (≈0.96×limit).
export interface RateLimiterOptions {
  initialRate?: number;
  minRate?: number;
  maxRate?: number;
  now?: () => number;
}

const WINDOW_MS = 1_000;
const QUIET_MS = 20_000; // no throttling for this long: back to fast ramp-up

export class AdaptiveRateLimiter {
  rate: number;
  throttles = 0;
  successes = 0;
  private peakSampled = 0;
  private peakSampledAt = -Infinity;
  private tokens = 1;
  private last: number;
  private ceiling = Infinity; // success rate measured at the last throttle
  private lastThrottle = -Infinity;
  private lastDecrease = -Infinity;
  private okTimes: number[] = [];
  private chain: Promise<void> = Promise.resolve();
  private readonly min: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(o: RateLimiterOptions = {}) {
    this.rate = o.initialRate ?? 20;
    this.min = o.minRate ?? 0.5;
    this.max = o.maxRate ?? 2_000;
    this.now = o.now ?? (() => performance.now());
    this.last = this.now();
  }

  /** Resolves when the caller may send one request; callers are served in order. */
  acquire(): Promise<void> {
    const turn = this.chain.then(() => this.take());
    this.chain = turn;
    return turn;
  }

  onSuccess(): void {
    this.successes++;
    const t = this.now();
    this.okTimes.push(t);
    // Sampled ten times a second: measuring trims the window, too dear for every request.
    if (t - this.peakSampledAt >= 100) {
      this.peakSampledAt = t;
      this.peakSampled = Math.max(this.peakSampled, this.measuredRate(t));
    } else if (this.okTimes.length > 4096) this.trim(t);
  }

  /** The best success rate over a one-second window so far (sampled, and the window ending now). */
  get peakRate(): number {
    return Math.max(this.peakSampled, this.measuredRate());
  }

  onThrottle(): void {
    this.throttles++;
    const t = this.now();
    this.lastThrottle = t;
    if (t - this.lastDecrease < 300) return; // one decrease per burst of throttled in-flight calls
    this.lastDecrease = t;
    const measured = this.measuredRate(t);
    if (measured >= this.rate * 0.5) {
      this.ceiling = measured; // saturated: what got through is what the server allows
      this.rate = Math.min(this.rate, measured) * 0.9;
    } else {
      this.ceiling = this.rate * 0.75; // still ramping up, the measurement lags: cut hard
      this.rate *= 0.7;
    }
    this.rate = Math.max(this.min, this.rate);
    this.tokens = Math.min(this.tokens, 0);
  }

  /** Successful requests per second over the last second. */
  measuredRate(t = this.now()): number {
    this.trim(t);
    return this.okTimes.length / (WINDOW_MS / 1000);
  }

  private trim(t: number): void {
    let i = 0;
    while (i < this.okTimes.length && this.okTimes[i] < t - WINDOW_MS) i++;
    if (i) this.okTimes = this.okTimes.slice(i);
  }

  private async take(): Promise<void> {
    for (;;) {
      const t = this.now();
      const dt = (t - this.last) / 1000;
      this.last = t;
      this.tokens = Math.min(Math.max(1, this.rate * 0.1), this.tokens + dt * this.rate);
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      const waitMs = ((1 - this.tokens) / this.rate) * 1000;
      await new Promise((r) => setTimeout(r, Math.max(1, waitMs)));
      this.grow((this.now() - t) / 1000); // we were rate-bound: there is demand to grow into
    }
  }

  private grow(dt: number): void {
    const t = this.now();
    if (t - this.lastThrottle > QUIET_MS) this.rate *= Math.pow(2, dt / 0.25); // double every 0.25 s
    else if (this.rate < this.ceiling * 0.95) this.rate += this.ceiling * 0.4 * dt; // back near the limit fast
    else this.rate *= 1 + 0.02 * dt; // then probe gently
    this.rate = Math.min(this.max, this.rate);
  }
}
