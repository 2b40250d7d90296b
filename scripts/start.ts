// `npm start` / `npm run dev`: validates config, provides the database (embedded PGlite when
// DATABASE_URL is unset), applies migrations, starts the demo emulator when no AWS role is
// configured, then runs Next.js bound to HOST (127.0.0.1 unless configured otherwise).
// `start` runs the standalone server (.next/standalone, as the container does) once
// `npm run build` assembled it, else `next start`; the container runs this file bundled there.
import fs from "node:fs";
import path from "node:path";
import { ConfigError, parseEnv } from "../lib/env";
import { redactDatabaseText } from "../lib/db/redact-url";
import { openDatabase } from "../lib/db/open-database";
import { log } from "../lib/ops/logger";
import { startDemoEmulator } from "./demo-emulator";
import { startServerProcesses } from "./server-processes";
import { serverMemoryEnv } from "../lib/ops/server-memory-env";

const mode = process.argv[2] === "dev" ? "dev" : "start";
if (mode === "dev") process.env.LOG_FORMAT ??= "pretty";

/** The server command: the assembled standalone server.js when there is one, else the Next CLI. */
function serverCommand(host: string, port: number): string[] {
  const standalone = process.env.INSPECTORATE_STANDALONE_DIR ?? path.join(process.cwd(), ".next", "standalone");
  if (mode === "start" && fs.existsSync(path.join(standalone, "server.js")) && fs.existsSync(path.join(standalone, ".next", "static"))) {
    return [path.join(standalone, "server.js")];
  }
  return [path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next"), mode, "-H", host, "-p", String(port)];
}

async function main() {
  const e = parseEnv(process.env);
  const database = await openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: path.join(e.INSPECTORATE_DATA_DIR, "pglite") });
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...serverMemoryEnv(process.env), DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" };
  if (database.embedded) childEnv.INSPECTORATE_EMBEDDED_DB = "1";

  let stopEmulator = async () => {};
  if (!e.INSPECTORATE_ROLE_ARN) {
    const demo = await startDemoEmulator(e);
    Object.assign(childEnv, demo.env);
    stopEmulator = demo.stop;
    log().info({ emulator: demo.url }, "no INSPECTORATE_ROLE_ARN set: showing the demo organization");
  }

  Object.assign(childEnv, { HOSTNAME: e.HOST, PORT: String(e.PORT) }); // what server.js reads
  const command = serverCommand(e.HOST, e.PORT);
  // Workers share the port through node:cluster, which runs server.js (not the Next CLI).
  const workers = command.length === 1 ? e.INSPECTORATE_WEB_WORKERS : 1;
  if (workers < e.INSPECTORATE_WEB_WORKERS) log().warn({ workers }, `INSPECTORATE_WEB_WORKERS=${e.INSPECTORATE_WEB_WORKERS} needs the standalone build (npm run build, then npm start): running one server process`);
  const server = startServerProcesses(command, childEnv, workers);
  log().info({ database: database.embedded ? "embedded" : "postgres", url: `http://${e.HOST}:${e.PORT}`, workers }, "inspectorate ready");

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await stopEmulator();
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  void server.exited.then((code) => shutdown(code));
}

main().catch((err) => {
  const text = err instanceof Error ? err.message : String(err);
  // One line, never a stack trace: the engine's messages carry advice on further lines.
  // ...and never a database URL or its password (config errors mask it themselves).
  const clean = [process.env.DATABASE_URL, process.env.DATABASE_READ_URL].reduce((t: string, url) => redactDatabaseText(t, url), text);
  const message = err instanceof ConfigError ? `config error: ${text}` : `could not start: ${clean.split("\n")[0].trim()}`;
  console.error(`inspectorate: ${message}`);
  process.exit(1);
});
