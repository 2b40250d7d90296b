// AWS's own time, read from every response's Date header: what the findings watermark is taken
// from (never the app's clock), and how far the app's clock is off AWS's (a run note when large).
type Next = (args: unknown) => Promise<{ response?: { headers?: Record<string, string | undefined> }; output?: unknown }>;
interface StackLike {
  middlewareStack: { add(mw: unknown, opts: Record<string, unknown>): void };
}

export interface AwsClock {
  /** AWS's time minus the app's, from the latest response (ms; ±1 s header resolution), or null. */
  skewMs(): number | null;
  observe(awsMs: number, appMs: number): void;
}

export function awsClock(): AwsClock {
  let skew: number | null = null;
  return {
    skewMs: () => skew,
    observe(awsMs, appMs) {
      skew = awsMs - appMs;
    },
  };
}

const responseDates = new WeakMap<object, Date>();

/** The Date header of the response a command output came from, when there was one. */
export function responseDate(output: object): Date | undefined {
  return responseDates.get(output);
}

export function addClockMiddleware(client: StackLike, clock: AwsClock, now: () => Date): void {
  client.middlewareStack.add(
    (next: Next) => async (args: unknown) => {
      const out = await next(args);
      const h = out.response?.headers ?? {};
      const ms = Date.parse(h.date ?? h.Date ?? "");
      if (Number.isFinite(ms)) {
        clock.observe(ms, now().getTime());
        if (out.output && typeof out.output === "object") responseDates.set(out.output, new Date(ms));
      }
      return out;
    },
    { step: "deserialize", name: "inspectorateAwsClock", priority: "high" },
  );
}
