// A write that lost a deadlock (PostgreSQL 40P01) was rolled back whole: run it again. The rollup
// triggers lock summary rows shared between writers (an account's cells across its regions, a
// region's cells across accounts) in key order within each pass, but an upsert takes its inserted
// and its updated rows' cells in two passes, so two writers crossed (35 times in a 2M first load).
// Since migration *_rollups_writer_turn they take turns at the rollups (0 in the same load); this
// stays for what is left: two writers' own findings rows, or a trigger added without the turn.
// Only for single-statement writes in autocommit: the retry starts clean.
import { setTimeout as sleep } from "node:timers/promises";
import { log } from "@/lib/ops/logger";

export const DEADLOCK = "40P01";

export async function retryOnDeadlock<T>(what: string, run: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts || (err as { code?: unknown }).code !== DEADLOCK) throw err;
      log().warn({ what, attempt }, "a write lost a deadlock to another writer; running it again");
      await sleep(20 * attempt + Math.random() * 50);
    }
  }
}
