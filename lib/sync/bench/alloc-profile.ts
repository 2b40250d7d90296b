// BENCH_ALLOC_PROFILE=<file>: V8's sampling heap profiler over the first BENCH_ALLOC_PROFILE_SECONDS
// (default 20) of each bench run, garbage included, written as a .heapprofile (Chrome DevTools
// reads it): where the allocations that set the heap's size come from, not only what survives.
import fs from "node:fs";
import { Session } from "node:inspector/promises";

export function allocationProfile(label: string): { stop: () => Promise<void> } | undefined {
  const file = process.env.BENCH_ALLOC_PROFILE;
  if (!file) return undefined;
  const session = new Session();
  session.connect();
  let done: Promise<void> | undefined;
  const started = session.post("HeapProfiler.startSampling", {
    samplingInterval: 64 * 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true,
  });
  const stop = () => (done ??= started.then(async () => {
    const { profile } = await session.post("HeapProfiler.stopSampling");
    fs.writeFileSync(`${file}-${label}.heapprofile`, JSON.stringify(profile));
    session.disconnect();
  }));
  const timer = setTimeout(() => void stop(), 1000 * Number(process.env.BENCH_ALLOC_PROFILE_SECONDS ?? 20));
  return { stop: () => (clearTimeout(timer), stop()) };
}
