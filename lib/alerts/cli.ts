// npm run alerts:deliver — one alerts pass from the command line (cron, or after `npm run sync`):
// reads finished runs into deliveries and sends what is due. Exit 0 all sent, 1 some failed (they
// retry with backoff), 78 configuration error. The same database the app uses (or its embedded one).
import path from "node:path";
import { createAppDatabase } from "@/lib/db/client";
import { openDatabase } from "@/lib/db/open-database";
import { ConfigError, env } from "@/lib/env";
import { appUrl, outboundPolicy } from "./outbound-policy";
import { runAlertsOnce } from "./run-alerts";

async function main(): Promise<number> {
  const e = env();
  const opened = await openDatabase({ databaseUrl: e.DATABASE_URL, dataDir: path.join(e.INSPECTORATE_DATA_DIR, "pglite") });
  const database = createAppDatabase(opened.url, opened.embedded, 2);
  try {
    const r = await runAlertsOnce(database.pool, appUrl(), { policy: outboundPolicy() });
    console.log(`alerts: ${r.planned} queued, ${r.sent} sent, ${r.failed} failed (failures retry with backoff; see /admin/alert-log)`);
    return r.failed ? 1 : 0;
  } finally {
    await database.close();
    await opened.stop();
  }
}

main().then((code) => process.exit(code), (err) => {
  console.error(`alerts: ${err instanceof ConfigError ? `configuration: ${err.message}` : err instanceof Error ? err.message : String(err)}`);
  process.exit(err instanceof ConfigError ? 78 : 1);
});
