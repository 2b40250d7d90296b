// Token bucket per operation per region; burst equals the rate. Time comes from the caller
// so the buckets can be tested without sleeping.

interface Bucket { tokens: number; at: number }

export class Throttle {
  private buckets = new Map<string, Bucket>();
  constructor(public rates: Partial<Record<string, number>> = {}) {}

  /** 0 when the request may proceed, else the whole seconds to wait. */
  take(op: string, region: string, nowMs: number): number {
    const rate = this.rates[op];
    if (rate === undefined || rate <= 0) return 0;
    const key = `${op}|${region}`;
    const burst = Math.max(1, rate);
    const b = this.buckets.get(key) ?? { tokens: burst, at: nowMs };
    b.tokens = Math.min(burst, b.tokens + ((nowMs - b.at) / 1000) * rate);
    b.at = nowMs;
    this.buckets.set(key, b);
    if (b.tokens >= 1) { b.tokens -= 1; return 0; }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate));
  }

  setRates(rates: Partial<Record<string, number>> = {}): void {
    this.rates = rates;
    this.buckets.clear();
  }
}
