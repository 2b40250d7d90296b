// `npm run sync [-- --full]`: one sync run with live progress on the terminal. Exit codes:
// 0 succeeded, 2 partial (some region or account could not be synced), 1 failed, 78 config error.
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { createAppDatabase } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open-database";
import { exitWhenDone } from "@/lib/db/cli-exit";
import { runSync } from "./run-sync";
import { syncConfigFromEnv } from "./sync-config";
import { progressLine } from "./progress-line";
import { listingModeLabel } from "./findings/listing-mode";
import { runNotesFromJson } from "./run/run-notes";

// On a terminal the live progress line is the output: log lines only for warnings and errors.
if (process.stdout.isTTY) process.env.LOG_LEVEL ??= "warn";
const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  console.log("usage: npm run sync [-- --full]\n  --full  list every finding again (also marks findings AWS deleted as gone)");
  process.exit(0);
}

async function main(): Promise<number> {
  const e = parseEnv(process.env);
  const opened = await openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: path.join(e.INSPECTORATE_DATA_DIR, "pglite") });
  const database = createAppDatabase(opened.url, opened.embedded, e.DATABASE_POOL_MAX);
  const tty = process.stdout.isTTY;
  let lastPrint = 0;
  const abort = new AbortController();
  process.once("SIGINT", () => abort.abort("interrupted (SIGINT)"));
  try {
    const r = await runSync({
      trigger: "cli", database, config: syncConfigFromEnv(e), full: args.includes("--full"), signal: abort.signal,
      onProgress: (p) => {
        if (tty) process.stdout.write(`\r\x1b[2K${progressLine(p)}`);
        else if (Date.now() - lastPrint > 5_000) {
          lastPrint = Date.now();
          console.log(progressLine(p));
        }
      },
    });
    if (tty) process.stdout.write("\n");
    for (const o of r.regions) {
      const f = o.findings;
      const detail = f ? `${listingModeLabel(f.mode)}, ${f.partitions.reduce((n, p) => n + p.findings, 0)} findings` : "";
      console.log(`  ${o.region}: ${o.status}${detail ? ` (${detail})` : ""}${o.error ? ` — ${o.error}` : ""}`);
    }
    const { rows } = await database.pool.query("SELECT notes FROM sync_runs WHERE id = $1", [r.runId]);
    // The operator at the terminal runs the sync with its credentials: AWS's words are theirs to read.
    for (const note of runNotesFromJson(rows[0]?.notes)) console.log(`  note: ${note.region ? `${note.region}: ` : ""}${note.message}${note.error ? `: ${note.error}` : ""}`);
    console.log(`sync run #${r.runId}: ${r.outcome}${r.error ? ` — ${r.error}` : ""}`);
    return r.outcome === "SUCCEEDED" ? 0 : r.outcome === "PARTIAL" ? 2 : 1;
  } finally {
    await database.close();
    await opened.stop();
  }
}

exitWhenDone("sync", main);
