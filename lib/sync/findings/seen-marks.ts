// finding_seen holds "listed by this run, unchanged" marks (the findings upsert writes them, gone
// detection reads them). They matter only within the run that wrote them: emptied at each run's
// start (a crashed run's leftovers) and end, under the sync lock, so it never grows past one run.
import type pg from "pg";

export async function clearSeenMarks(db: Pick<pg.Pool, "query">): Promise<void> {
  await db.query("TRUNCATE finding_seen");
}
