// `npm run db:compact-raw`: splits the raw JSON of findings cached before migration
// finding_raw_parts into pieces (lib/sync/write/compact-raw.ts), online and in batches. The space freed is
// reused by later writes; `VACUUM FULL findings` (an exclusive lock) returns it to the disk at once.
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { createDatabase } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open-database";
import { compactRaw } from "@/lib/sync/write/compact-raw";
import { exitWhenDone } from "@/lib/db/cli-exit";
import { withSyncLock } from "@/lib/sync/run/sync-lock";

async function main(): Promise<number> {
  const e = parseEnv(process.env);
  const opened = await openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: path.join(e.INSPECTORATE_DATA_DIR, "pglite") });
  const database = createDatabase(opened.url, 1);
  const started = performance.now();
  let last = 0;
  try {
    // The sync's lock: a full sync deletes parts no finding points to, which must not race a split.
    const r = await withSyncLock(database.pool, () => compactRaw(database.pool, {
      onBatch: (p) => {
        if (performance.now() - last < 5_000) return;
        last = performance.now();
        console.log(`  ${p.read.toLocaleString("en-US")} rows read, ${p.split.toLocaleString("en-US")} split`);
      },
    }));
    const s = (performance.now() - started) / 1000;
    console.log(`compact-raw: ${r.split.toLocaleString("en-US")} of ${r.read.toLocaleString("en-US")} findings split in ${s.toFixed(1)} s`);
    return 0;
  } finally {
    await database.close();
    await opened.stop();
  }
}

exitWhenDone("compact-raw", main);
