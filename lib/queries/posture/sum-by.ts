// Adds count rows that share a key into one, in first-seen order: the overview's bars and the
// per-account counts are read at a finer grain than they are shown.
export function sumBy<T extends { count: number }>(rows: T[], key: (r: T) => string, add: (into: T, r: T) => void = () => {}): T[] {
  const out = new Map<string, T>();
  for (const r of rows) {
    const k = key(r);
    const into = out.get(k);
    if (!into) out.set(k, { ...r });
    else {
      into.count += r.count;
      add(into, r);
    }
  }
  return [...out.values()];
}
