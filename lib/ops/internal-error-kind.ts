// What an unexpected error was, safe for a log line: its name, plus a code that carries no data
// (a PostgreSQL SQLSTATE such as 57014, a Node system code such as ECONNREFUSED), or which database
// timeout it was: no pooled connection came free in time, or the server did not answer a connect.
// Never the message itself: messages can carry SQL, ARNs or request data. Under load an operator can
// then tell an overloaded database from a bug.
const SAFE_CODE = /^[A-Z0-9_]{2,32}$/;
// pg-pool's and pg's own texts for connectionTimeoutMillis (lib/db/client.ts sets it).
const TIMEOUTS: Record<string, string> = {
  "timeout exceeded when trying to connect": "database pool timeout",
  "Connection terminated due to connection timeout": "database connect timeout",
};

export function internalErrorKind(err: unknown): string {
  if (!(err instanceof Error)) return typeof err;
  if (TIMEOUTS[err.message]) return `${err.name}: ${TIMEOUTS[err.message]}`;
  const code = (err as { code?: unknown }).code;
  return typeof code === "string" && SAFE_CODE.test(code) ? `${err.name} ${code}` : err.name;
}
