// POST /api/gate's body. `observed` carries what the caller read from Inspector itself (the CLI's
// --wait path, before the next sync): the coverage row and findings of the artifact, raw.
import { z } from "zod";
import { artifactSchema } from "./artifact";

export const gateRequestSchema = z.strictObject({
  artifact: artifactSchema,
  policy: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "expected a policy name").optional(),
  observed: z.strictObject({
    coverage: z.record(z.string(), z.unknown()).nullable(),
    findings: z.array(z.record(z.string(), z.unknown())).max(20_000, "at most 20000 findings"),
  }).optional(),
});

export type GateRequest = z.infer<typeof gateRequestSchema>;
