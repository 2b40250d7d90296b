// The one schema for a new risk exception, shared by the form, the server action and the JSON
// API. Expiry is a UTC calendar day from today to a year ahead (see exceptions.ts for why a day).
import { z } from "zod";
import { addDaysToDay, isDay, toDay, DAY_EXPECTED } from "./day";

export const MAX_EXCEPTION_DAYS = 365;

const lines = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => [...new Set((Array.isArray(v) ? v : (v ?? "").split(/[\s,]+/)).map((s) => s.trim()).filter(Boolean))])
  .pipe(z.array(z.string().max(1024, "a resource id is at most 1024 characters")).max(500, "at most 500 resources"));

const optionalText = (max: number) =>
  z.string().trim().max(max).optional().transform((v) => (v ? v : undefined));

export function exceptionInputSchema(now: Date) {
  const today = toDay(now);
  const latest = addDaysToDay(today, MAX_EXCEPTION_DAYS);
  return z
    .object({
      target: z.enum(["finding", "vulnerability"], { error: "choose a finding or a vulnerability" }),
      findingArn: optionalText(2048),
      // As typed: ids keep their case (GHSA ids are lower case); the store resolves the cache's spelling.
      vulnerabilityId: optionalText(128),
      resourceIds: lines,
      reason: z.string({ error: "required" }).trim().min(10, "say why, in at least 10 characters").max(2000),
      owner: z.string({ error: "required" }).trim().min(1, "required").max(200),
      expiresOn: z
        .string({ error: "required" })
        .refine(isDay, DAY_EXPECTED)
        .refine((d) => !isDay(d) || d >= today, `must be today (${today}) or later`)
        .refine((d) => !isDay(d) || d <= latest, `must be within ${MAX_EXCEPTION_DAYS} days (by ${latest})`),
    })
    .superRefine((v, ctx) => {
      if (v.target === "finding" && !v.findingArn) ctx.addIssue({ code: "custom", path: ["findingArn"], message: "required for a finding exception" });
      if (v.target === "vulnerability" && !v.vulnerabilityId) ctx.addIssue({ code: "custom", path: ["vulnerabilityId"], message: "required for a vulnerability exception" });
    })
    .transform((v) =>
      v.target === "finding"
        ? { ...v, vulnerabilityId: undefined, resourceIds: [] as string[] }
        : { ...v, findingArn: undefined },
    );
}

export type ExceptionInput = z.output<ReturnType<typeof exceptionInputSchema>>;

export interface FieldIssue {
  field: string;
  message: string;
}

/** Zod issues as field + reason, the shape every 400 and form error uses. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.length ? i.path.join(".") : "body", message: i.message }));
}
