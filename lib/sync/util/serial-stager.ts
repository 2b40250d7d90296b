// Hands rows from several producers (partitions listing in parallel) to one writer that must run
// one call at a time (a transaction's single connection): rows gather until `min` are pending, then
// go to the writer behind every earlier hand-over. A producer waits for the hand-over before its own
// (back-pressure, while its own is written), never for its own; flush() hands over the rest and waits
// for every write; settled() waits without throwing, for leaving a transaction after a failure.
export interface SerialStager<T> {
  add(rows: T[]): Promise<void>;
  flush(): Promise<void>;
  settled(): Promise<void>;
}

export function serialStager<T>(write: (rows: T[]) => Promise<void>, min: number): SerialStager<T> {
  let pending: T[] = [];
  let tail: Promise<void> = Promise.resolve();
  const handOver = async (threshold: number) => {
    if (pending.length < Math.max(1, threshold)) return;
    const rows = pending;
    pending = [];
    const previous = tail;
    tail = previous.then(() => write(rows)); // after a failed write nothing more is written
    tail.catch(() => {}); // observed by the next add() or by flush()
    await previous;
  };
  return {
    async add(rows) {
      pending.push(...rows);
      await handOver(min);
    },
    async flush() {
      await handOver(1);
      await tail;
    },
    settled: () => tail.catch(() => {}),
  };
}
