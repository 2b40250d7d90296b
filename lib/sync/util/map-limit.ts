// Runs fn over items with at most `limit` in flight; results keep the input order. After a
// failure no new item starts, in-flight ones finish, then the first error is thrown, so no
// work of a failed run is still writing when its caller has given up.
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure) {
      const i = next++;
      try {
        out[i] = await fn(items[i], i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  if (failure) throw failure.error;
  return out;
}

/** Like Promise.all, but waits for every promise to settle before rethrowing the first failure. */
export async function settleAll<T>(promises: Promise<T>[], onFirstFailure?: (err: unknown) => void): Promise<T[]> {
  let first: { error: unknown } | undefined;
  const watched = promises.map((p) =>
    p.catch((error) => {
      if (!first) {
        first = { error };
        onFirstFailure?.(error);
      }
      throw error;
    }),
  );
  const results = await Promise.allSettled(watched);
  if (first) throw first.error;
  return results.map((r) => (r as PromiseFulfilledResult<T>).value);
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
