// The one schema of a "start a sync" request, shared by POST /api/sync and the server action.
import { z } from "zod";

export const startSyncRequest = z
  .object({
    /** List every finding again instead of only those updated since the last run. */
    full: z.boolean().optional(),
  })
  .strict();

export type StartSyncRequest = z.infer<typeof startSyncRequest>;
