// Who wants to know that an in-app run finished (the alerts worker does). The sync only announces;
// it knows nothing of its listeners, and a listener's failure never touches the run.
import type { SyncResult } from "./run-sync";

type Listener = (r: SyncResult) => void;
const holder = globalThis as { __inspectorateRunListeners?: Set<Listener> };
const listeners = () => (holder.__inspectorateRunListeners ??= new Set());

export function onRunFinished(fn: Listener): () => void {
  listeners().add(fn);
  return () => listeners().delete(fn);
}

export function announceRunFinished(r: SyncResult): void {
  for (const fn of listeners()) {
    try {
      fn(r);
    } catch {
      // a listener's problem is its own
    }
  }
}
