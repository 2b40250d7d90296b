// Metrics across web workers (INSPECTORATE_WEB_WORKERS > 1): a scrape reaches one worker, which asks
// the launcher (the cluster's primary) for every worker's registry summed by prom-client's
// AggregatorRegistry, so counters and histograms count every request whichever worker served it.
import cluster from "node:cluster";
import client from "prom-client";

const REQUEST = "inspectorate:cluster-metrics";
const ANSWER = "inspectorate:cluster-metrics-answer";

interface Answer { type: typeof ANSWER; id: number; text?: string; error?: string }

/** True in a web worker forked by the launcher's cluster (not in a single server process). */
export const inWebWorkerCluster = (): boolean => cluster.isWorker && typeof process.send === "function";

/** In a worker: answers the primary's requests for this process's registry (prom-client's own protocol). */
export function shareRegistryWithCluster(registry: client.Registry): void {
  if (!inWebWorkerCluster()) return;
  client.AggregatorRegistry.setRegistries([registry]);
  new client.AggregatorRegistry(); // installs the worker's listener
}

let nextId = 0;

/** In a worker: every worker's metrics summed, in Prometheus text (rejects when a worker did not answer). */
export function clusterMetricsText(timeoutMs = 6_000): Promise<string> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const done = (fn: () => void) => {
      clearTimeout(timer);
      process.off("message", onMessage);
      fn();
    };
    const onMessage = (m: unknown) => {
      const a = m as Answer;
      if (a?.type !== ANSWER || a.id !== id) return;
      done(() => (a.error !== undefined ? reject(new Error(a.error)) : resolve(a.text ?? "")));
    };
    const timer = setTimeout(() => done(() => reject(new Error(`the launcher did not answer within ${timeoutMs} ms`))), timeoutMs);
    process.on("message", onMessage);
    process.send!({ type: REQUEST, id });
  });
}

/** In the launcher: answers workers' requests with the cluster's sum. */
export function serveClusterMetrics(): void {
  const aggregator = new client.AggregatorRegistry();
  cluster.on("message", (worker, m: { type?: string; id?: number }) => {
    if (m?.type !== REQUEST || typeof m.id !== "number") return;
    const id = m.id;
    aggregator.clusterMetrics().then(
      (text) => worker.send({ type: ANSWER, id, text } satisfies Answer),
      (err: Error) => worker.send({ type: ANSWER, id, error: `a web worker did not report its metrics (${err.message})` } satisfies Answer),
    );
  });
}
