// URL contract of /coverage/resources: which unscanned (or scanned) resources to list.
import { z } from "zod";
import { accountIdSchema } from "@/lib/domain/account-id";
import { scanTypes } from "@/lib/domain/finding-enums";
import type { FieldIssue, SearchParamsLike } from "@/lib/queries/findings/findings-filter";

const fields = {
  reason: z.string().regex(/^[A-Z0-9_]{2,80}$/, "expected a scan-status reason code such as UNMANAGED_EC2_INSTANCE").optional(),
  account: accountIdSchema.optional(),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, "expected an AWS region such as us-east-1").optional(),
  scanType: z.enum(scanTypes).optional(),
  status: z.enum(["ACTIVE", "INACTIVE"]).default("INACTIVE"),
  after: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
} as const;
export type CoverageResourcesFilter = { [K in keyof typeof fields]: z.output<(typeof fields)[K]> };

export function parseCoverageResourcesFilter(params: SearchParamsLike): { filter: CoverageResourcesFilter; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const out: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(fields) as [string, z.ZodType][]) {
    const raw = params instanceof URLSearchParams ? params.get(field) : ([] as string[]).concat(params[field] ?? [])[0];
    const parsed = schema.safeParse(raw === null || raw === "" ? undefined : raw);
    if (parsed.success) out[field] = parsed.data;
    else {
      issues.push({ field, message: parsed.error.issues[0]?.message ?? "invalid" });
      out[field] = schema.safeParse(undefined).data;
    }
  }
  return { filter: out as CoverageResourcesFilter, issues };
}

export function coverageResourcesHref(f: Partial<CoverageResourcesFilter>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && !(k === "status" && v === "INACTIVE") && !(k === "limit" && v === 100)) p.set(k, String(v));
  const qs = p.toString();
  return qs ? `/coverage/resources?${qs}` : "/coverage/resources";
}
