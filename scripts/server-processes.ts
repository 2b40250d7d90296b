// The launcher's web server processes: one child running the server (standalone server.js or the
// Next CLI), or, with INSPECTORATE_WEB_WORKERS > 1, a node:cluster of server.js workers sharing
// the port. Each worker renders pages on its own thread; this process hands connections out
// round-robin and answers the workers' metrics requests (lib/ops/cluster-metrics). A worker that
// dies after it came up is replaced; one that dies within 20 s of its start stops the app (a crash
// loop is a broken deployment, for the orchestrator to see).
import { spawn } from "node:child_process";
import cluster, { type Worker } from "node:cluster";
import { serveClusterMetrics } from "../lib/ops/cluster-metrics";
import { log } from "../lib/ops/logger";

export interface ServerProcesses {
  /** Resolves with an exit code when the server stopped on its own (the app should stop too). */
  exited: Promise<number>;
  /** Sends SIGTERM to every server process; resolves once they exited (or after 10 s). */
  stop(): Promise<void>;
}

const gone = (p: { exitCode: number | null; signalCode: string | null; once(e: "exit", f: () => void): unknown }) =>
  p.exitCode !== null || p.signalCode !== null
    ? Promise.resolve()
    : Promise.race([new Promise<void>((r) => p.once("exit", () => r())), new Promise<void>((r) => setTimeout(r, 10_000).unref())]);

const CRASH_LOOP_MS = 20_000;

export function startServerProcesses(command: string[], env: NodeJS.ProcessEnv, workers: number): ServerProcesses {
  if (workers <= 1) {
    const child = spawn(process.execPath, command, { env, stdio: "inherit" });
    return {
      exited: new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1))),
      stop() {
        child.kill("SIGTERM");
        return gone(child);
      },
    };
  }
  cluster.setupPrimary({ exec: command[0], args: command.slice(1) });
  serveClusterMetrics();
  let stopping = false;
  let resolveExited!: (code: number) => void;
  const exited = new Promise<number>((r) => (resolveExited = r));
  const startedAt = new Map<Worker, number>();
  const fork = (slot: number) => {
    const w = cluster.fork({ ...env, INSPECTORATE_WEB_WORKER: String(slot) });
    startedAt.set(w, Date.now());
    w.on("exit", (code, signal) => {
      const lived = Date.now() - startedAt.get(w)!;
      startedAt.delete(w);
      if (stopping) return;
      // A clean exit is a stop someone asked for (Ctrl-C reaches every process of the group): stop too.
      if (code === 0) return void resolveExited(0);
      if (lived < CRASH_LOOP_MS) {
        log().error({ worker: slot, code, signal }, `web worker ${slot} exited ${lived} ms after it started: stopping the app`);
        resolveExited(code || 1);
        return;
      }
      log().error({ worker: slot, code, signal }, `web worker ${slot} exited: starting a new one`);
      fork(slot);
    });
  };
  for (let slot = 1; slot <= workers; slot++) fork(slot);
  return {
    exited,
    async stop() {
      stopping = true;
      const all = [...startedAt.keys()].map((w) => w.process);
      for (const p of all) p.kill("SIGTERM");
      await Promise.all(all.map(gone));
    },
  };
}
