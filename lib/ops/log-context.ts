// Who a log line belongs to: the request (id), the sync run and the region. Carried through
// async calls so every line written inside a request or a run names them without passing a logger.
import { AsyncLocalStorage } from "node:async_hooks";

export interface LogContext {
  requestId?: string;
  runId?: number;
  region?: string;
}

const holder = globalThis as { __inspectorateLogContext?: AsyncLocalStorage<LogContext> };
const storage = (holder.__inspectorateLogContext ??= new AsyncLocalStorage<LogContext>());

export const currentLogContext = (): LogContext => storage.getStore() ?? {};

/** Runs fn with these fields added to every log line it (and what it awaits) writes. */
export function withLogContext<T>(extra: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...extra }, fn);
}

/** Adds fields for the rest of the current async function (a sync run once it has its id). */
export function enterLogContext(extra: LogContext): void {
  storage.enterWith({ ...storage.getStore(), ...extra });
}
