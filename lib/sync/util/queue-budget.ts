// The bounded queue between listing and writing, as a budget (the sync counts it in bytes: each
// finding weighs its JSON and the fields mapped from it, queue-bytes.ts): a partition takes room for
// each page it read before reading the next, and the room comes back when that page's batch is
// written. With the budget spent, listing waits (back-pressure), so what is held in memory stays
// below the bound whatever the organization's size and however large its findings. A request larger
// than the bound waits for an empty queue and then goes alone, so a big page never deadlocks.
export interface QueueBudget {
  /** Room for `n`; resolves when it is there (in arrival order), or at once on abort (not taken). */
  acquire(n: number, signal?: AbortSignal): Promise<void>;
  /** Room now or false, without waiting. */
  tryAcquire(n: number): boolean;
  release(n: number): void;
  readonly held: number;
  readonly peak: number;
  readonly capacity: number;
}

export function queueBudget(capacity: number): QueueBudget {
  let held = 0;
  let peak = 0;
  const waiting: { n: number; ok: () => void }[] = [];
  const fits = (n: number) => held + n <= capacity || held === 0;
  const take = (n: number) => {
    held += n;
    peak = Math.max(peak, held);
  };
  const wake = () => {
    while (waiting.length && fits(waiting[0].n)) {
      const w = waiting.shift()!;
      take(w.n);
      w.ok();
    }
  };
  return {
    get held() { return held; },
    get peak() { return peak; },
    capacity,
    tryAcquire(n) {
      if (waiting.length || !fits(n)) return false;
      take(n);
      return true;
    },
    acquire(n, signal) {
      if (signal?.aborted || this.tryAcquire(n)) return Promise.resolve();
      return new Promise<void>((resolve) => {
        // A stopped run: the waiter leaves without room (the caller checks the signal), and the next may fit.
        const onAbort = () => {
          const i = waiting.indexOf(w);
          if (i < 0) return;
          waiting.splice(i, 1);
          resolve();
          wake();
        };
        const w = {
          n,
          // Woken with room: its abort listener leaves the run's signal too. Left there, one per
          // page that waited would pile up for the whole run (~10,000 at 2M findings).
          ok: () => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
          },
        };
        waiting.push(w);
        signal?.addEventListener("abort", onAbort, { once: true });
      });
    },
    release(n) {
      held = Math.max(0, held - n);
      wake();
    },
  };
}
