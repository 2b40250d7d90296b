// At most `limit` holders at once; the others wait in arrival order.
export interface Semaphore {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

export function semaphore(limit: number): Semaphore {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };
  return {
    async run<T>(fn: () => Promise<T>): Promise<T> {
      if (active < Math.max(1, limit)) active++;
      else await new Promise<void>((ok) => waiting.push(ok)); // the releaser hands its slot over
      try {
        return await fn();
      } finally {
        release();
      }
    },
  };
}
