// The process logger: pino JSON lines (level from LOG_LEVEL), pretty in development when
// pino-pretty is installed. Each line carries the request id, sync run id and region of its
// context. Credentials, tokens and cookies are removed twice: by the serialisers and by redact.
import path from "node:path";
import { createRequire } from "node:module";
import pino, { type DestinationStream, type Logger } from "pino";
import { currentLogContext } from "./log-context";
import { requestForLog } from "./log-request";
import { redactUrlPassword } from "../db/redact-url";

export const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

export const redactPaths = [
  "req.headers.authorization", "req.headers.cookie", 'req.headers["proxy-authorization"]', 'req.headers["x-api-key"]',
  'res.headers["set-cookie"]', "headers.authorization", "headers.cookie", 'headers["set-cookie"]',
  "authorization", "cookie", "password", "token", "secret", "credentials", "secretAccessKey", "sessionToken",
  "*.password", "*.token", "*.secret", "*.credentials", "*.secretAccessKey", "*.sessionToken", "*.accessKeyId",
];

function level(): pino.LevelWithSilent {
  const l = process.env.LOG_LEVEL?.toLowerCase();
  return (logLevels as readonly string[]).includes(l ?? "") ? (l as pino.LevelWithSilent) : "info";
}

function prettyStream(): DestinationStream | undefined {
  const format = process.env.LOG_FORMAT ?? (process.env.NODE_ENV === "development" ? "pretty" : "json");
  if (format !== "pretty") return undefined;
  try {
    // Resolved from the app's own node_modules at run time: a devDependency, absent in production.
    const pretty = createRequire(path.join(process.cwd(), "package.json"))("pino-pretty");
    return pretty({ sync: true, colorize: true, ignore: "pid,hostname" });
  } catch {
    return undefined;
  }
}

/** An error as pino writes it, with any `scheme://user:password@` in its text masked (database URLs). */
function errorForLog(err: Error) {
  const out = pino.stdSerializers.err(err);
  if (typeof out?.message === "string") out.message = redactUrlPassword(out.message);
  if (typeof out?.stack === "string") out.stack = redactUrlPassword(out.stack);
  return out;
}

export function createLogger(destination?: DestinationStream, levelName: string = level()): Logger {
  const options: pino.LoggerOptions = {
    level: levelName,
    // A web worker's lines say which (INSPECTORATE_WEB_WORKERS > 1; set by the launcher).
    base: process.env.INSPECTORATE_WEB_WORKER ? { service: "inspectorate", worker: Number(process.env.INSPECTORATE_WEB_WORKER) } : { service: "inspectorate" },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: redactPaths, censor: "[redacted]" },
    serializers: { req: requestForLog, err: errorForLog },
    mixin: () => ({ ...currentLogContext() }),
  };
  return pino(options, destination ?? prettyStream());
}

const holder = globalThis as { __inspectorateLogger?: Logger };

/** The process-wide logger; `log().child({ component })` for a part of the app. */
export function log(): Logger {
  holder.__inspectorateLogger ??= createLogger();
  return holder.__inspectorateLogger;
}
