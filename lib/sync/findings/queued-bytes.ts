// What a listed finding weighs in the run's queue (util/queue-budget.ts) while it waits to be written:
// its JSON as AWS sent it (the row keeps it, as a view of the response's bytes, for the raw column) and
// the fields mapped from it. Weighing bytes, not rows, keeps the queue's memory the same for findings
// of 2 KB and of 50 KB (real advisories list 5 to 50 reference URLs, images hundreds of packages).
import type { FindingRow } from "../map/finding-row";

/** The mapped fields beside the JSON: 1,434 B a row measured on the emulator's findings (V8 heap held
 *  by 10,000 rows with their JSON taken out), rounded up. */
export const MAPPED_FIELDS_BYTES = 1536;

/** A finding of a typical size: ~2.5 KB of JSON and its mapped fields. What the default queue's room
 *  (sync-config.ts) is counted in. */
export const TYPICAL_QUEUED_FINDING_BYTES = 4096;

export function queuedBytes(row: Pick<FindingRow, "raw">): number {
  return (typeof row.raw === "string" ? row.raw.length : row.raw.byteLength) + MAPPED_FIELDS_BYTES;
}
