// A gate policy document: named rules over a finding's facts, with overrides per scope (OU names,
// account ids) that make production stricter than a sandbox. Validated with Zod everywhere it
// enters: policy files, the admin editor and the API; errors name the field.
import { z } from "zod";
import { accountIdSchema } from "@/lib/domain/account-id";
import { severityOrder } from "@/lib/domain/severity";
import { findingTypes, fixAvailableValues } from "@/lib/domain/finding-enums";

const score = (max: number) => z.number().min(0).max(max);
const names = z.array(z.string().trim().min(1)).min(1);

/** Every condition present must hold for a finding to break the rule; an empty `when` matches all. */
export const conditionSchema = z.strictObject({
  severities: z.array(z.enum(severityOrder)).min(1).optional(),
  minInspectorScore: score(10).optional(),
  minCvss: score(10).optional(),
  minEpss: score(1).optional(),
  exploitAvailable: z.boolean().optional(),
  fixAvailable: z.array(z.enum(fixAvailableValues)).min(1).optional(),
  minAgeDays: z.number().int().min(0).optional(),
  findingTypes: z.array(z.enum(findingTypes)).min(1).optional(),
  packages: names.optional(),
  cves: names.optional(),
  excludePackages: names.optional(),
  excludeCves: names.optional(),
});

export const ruleSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "expected lower-case letters, digits and dashes"),
  description: z.string().max(500).optional(),
  when: conditionSchema.default({}),
  /** How many matching findings are tolerated before the rule fails the artifact. */
  maxFindings: z.number().int().min(0).default(0),
});

export const overrideSchema = z.strictObject({
  name: z.string().min(1).max(100),
  scope: z.strictObject({ ouNames: names.optional(), accountIds: z.array(accountIdSchema).min(1).optional() })
    .refine((s) => s.ouNames || s.accountIds, "give ouNames or accountIds"),
  /** Rules replacing the policy's rule of the same id, or added to them. */
  rules: z.array(ruleSchema).default([]),
  disableRules: z.array(z.string()).default([]),
  maxCacheAgeHours: z.number().positive().max(8760).optional(),
});

export const policySchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "expected lower-case letters, digits and dashes"),
  description: z.string().max(1000).optional(),
  /** Older cached data than this makes the answer undecidable (the sync may have stalled). */
  maxCacheAgeHours: z.number().positive().max(8760).default(24),
  rules: z.array(ruleSchema).min(1, "a policy needs at least one rule"),
  overrides: z.array(overrideSchema).default([]),
}).superRefine((p, ctx) => {
  const seen = new Set<string>();
  p.rules.forEach((r, i) => {
    if (seen.has(r.id)) ctx.addIssue({ code: "custom", path: ["rules", i, "id"], message: `duplicate rule id "${r.id}"` });
    seen.add(r.id);
  });
});

export type Condition = z.infer<typeof conditionSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;

export interface FieldIssue { field: string; message: string }

/** Zod issues as {field: "rules.0.when.minEpss", message}. */
export function policyIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join(".") || "(document)", message: i.message }));
}
