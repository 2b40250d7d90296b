// The findings explorer's URL contract: one Zod schema shared by the page, /api/findings and the
// CSV export. Each field parses on its own, so one bad value is reported by name while the
// other filters still apply. Pure (no database imports): the browser's filter bar uses it too.
import { z } from "zod";
import { accountIdSchema } from "@/lib/domain/account-id";
import { amiIdSchema } from "@/lib/domain/ami-id";
import { enumSchema, findingTypeSchema, fixAvailableSchema, lifecycleStatusSchema, resourceTypeSchema, severitySchema } from "@/lib/domain/enum-schemas";
import { expectedGot } from "@/lib/domain/expected-got";
import { OPEN_STATUS } from "@/lib/domain/lifecycle";
import { decodeCursor, findingsSorts } from "./findings-cursor";
import { closureKinds } from "@/lib/domain/closure";
import { inUseModes } from "@/lib/domain/in-use";
import { kevFilterValues } from "@/lib/domain/kev";
import { emptyRange, timeBoundSchema as bound } from "./time-bound";
import { alertRefExpected, readAlertRef } from "./alert-ref";

import { defaultFindingsLimit, findingsFilterFieldNames, findingsGroups, maxFindingsLimit, type FindingsFilterField } from "./findings-fields";

export type { FindingsGroup } from "./findings-fields";

// Every value of a list quotes itself when refused (expected-got.ts): the message says which one failed.
// No NUL (U+0000): PostgreSQL's text holds none, and a filter may be answered without a query that would refuse it.
const text = z.string().trim().min(1).max(256, { error: expectedGot("expected at most 256 characters") })
  .refine((t) => !t.includes("\0"), "expected text without a NUL character (U+0000)");
const region = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: expectedGot("expected an AWS region such as us-east-1") });
const num = (min: number, max: number) =>
  z.coerce
    .number({ error: (issue) => (issue.code === "invalid_type" ? "expected a number" : undefined) })
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const tag = z
  .string()
  .max(400, { error: expectedGot("expected key:value of at most 400 characters") })
  .regex(/^[^:]+(:.*)?$/, { error: expectedGot("expected key:value") })
  .transform((v) => {
    // Split at the last colon: tag values rarely hold one, while aws:* keys always do.
    const i = v.lastIndexOf(":");
    return i < 0 ? { key: v, value: undefined } : { key: v.slice(0, i), value: v.slice(i + 1) };
  });
/** `<ruleId>:<runId>` (alert-ref.ts), each from 1 to int4's maximum. */
const alertRef = z.string().max(40, alertRefExpected).transform((v, ctx) => {
  const ref = readAlertRef(v);
  if ("error" in ref) {
    ctx.addIssue({ code: "custom", message: ref.error });
    return z.NEVER;
  }
  return ref;
});
const list = <T extends z.ZodType>(item: T) => z.array(item).max(100, "at most 100 values");

/** Fields that may repeat in the URL (`?severity=CRITICAL&severity=HIGH`). */
export const findingsFilterFields = {
  account: list(accountIdSchema).default([]),
  region: list(region).default([]),
  severity: list(severitySchema).default([]),
  // "Open" is OPEN_STATUS alone, so GONE rows are out of the default by construction.
  status: list(lifecycleStatusSchema).default([OPEN_STATUS]),
  type: list(findingTypeSchema).default([]),
  resourceType: list(resourceTypeSchema).default([]),
  tag: list(tag).default([]),
  owner: list(text).default([]),
  ou: list(text).default([]),
  // One line: a resource's id or name has no line break, and the search matches id and name as one
  // text with a line break between them (resource-match.ts).
  resource: text.refine((t) => !/[\r\n]/.test(t), "expected one line of text: a resource's id or name has no line break").optional(),
  cve: text.optional(),
  package: text.optional(),
  fix: fixAvailableSchema.optional(),
  /** NA: Inspector says nothing (not applicable). */
  exploit: enumSchema(["YES", "NO", "NA"]).optional(),
  /** CISA KEV: YES, NO (details fetched, not listed) or UNKNOWN (details never fetched). */
  kev: enumSchema(kevFilterValues).optional(),
  epssMin: num(0, 1).optional(),
  epssMax: num(0, 1).optional(),
  scoreMin: num(0, 10).optional(),
  scoreMax: num(0, 10).optional(),
  ageMin: num(0, 36500).int("expected whole days").optional(),
  ageMax: num(0, 36500).int("expected whole days").optional(),
  // Dates are days or instants (time-bound.ts): the weekly review links with its window's instants.
  firstSeenFrom: bound.optional(),
  firstSeenTo: bound.optional(),
  closedFrom: bound.optional(),
  closedTo: bound.optional(),
  /** remediated: closed while its resource is still scanned; removed: resource gone or unscanned. */
  closure: enumSchema(closureKinds).optional(),
  /** A closed → open status event in the window. */
  reopenedFrom: bound.optional(),
  reopenedTo: bound.optional(),
  /** Inspector's exploit date (exploit_since) on or after the bound. */
  exploitableFrom: bound.optional(),
  /** An exploit-available NO/unknown → YES event in the window: what the review's "became exploitable" counts. */
  becameExploitableFrom: bound.optional(),
  becameExploitableTo: bound.optional(),
  ami: amiIdSchema.optional(),
  image: text.optional(),
  /** The "In use only" switch (lib/domain/in-use.ts): absent = only; all; idle = not in use. */
  inUse: enumSchema(inUseModes).optional(),
  /** ECR images not pulled for at least this many days (or idle and never pulled). */
  notPulledDays: num(1, 36500).int("expected whole days").optional(),
  /** The resource's cloud (AWS, AZURE…) and that cloud's account (an Azure subscription). */
  provider: list(z.string().regex(/^[A-Z][A-Z0-9_]{1,31}$/, { error: expectedGot("expected a provider such as AWS or AZURE") })).default([]),
  providerAccount: text.optional(),
  /** The findings an alert rule's digest listed for one run (alert_sent): what its link opens. */
  alert: alertRef.optional(),
  sort: enumSchema(findingsSorts).default("score"),
  group: enumSchema(findingsGroups).optional(),
  cursor: z.string().max(4096).refine((v) => decodeCursor(v) !== undefined, "not a cursor this page issued").optional(),
  limit: num(1, maxFindingsLimit).int("expected a whole number").default(defaultFindingsLimit),
} as const satisfies Record<FindingsFilterField, z.ZodType>;

export const findingsFilterSchema = z.object(findingsFilterFields);
export type FindingsFilter = z.output<typeof findingsFilterSchema>;
/** What callers build links from: any subset of the parsed filter. */
export type FindingsFilterInput = Partial<FindingsFilter>;
const repeatable = new Set<string>(["account", "region", "severity", "status", "type", "resourceType", "tag", "owner", "ou", "provider"]);

export interface FieldIssue {
  field: string;
  message: string;
}

export type SearchParamsLike = URLSearchParams | Record<string, string | string[] | undefined>;

function valuesOf(params: SearchParamsLike, key: string): string[] {
  const raw = params instanceof URLSearchParams ? params.getAll(key) : ([] as string[]).concat(params[key] ?? []);
  return raw.map((v) => v.trim()).filter((v) => v !== "");
}

let defaults: FindingsFilter | undefined;
const defaultFilter = () => (defaults ??= findingsFilterSchema.parse({}));
/** Two fields' values alike (arrays, objects and scalars compared by their JSON). */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Whether every field outside `fields` keeps its default: the filter narrows only by those (a read
 *  that holds some fields, such as a rollup or an index, answers only such filters). */
export function narrowsOnlyBy(filter: FindingsFilter, fields: ReadonlySet<FindingsFilterField>): boolean {
  const base = defaultFilter();
  return findingsFilterFieldNames.every((k) => fields.has(k) || sameValue(filter[k], base[k]));
}

/** Parses what the URL says; invalid fields fall back to their default and are listed in `issues`. */
export function parseFindingsFilter(params: SearchParamsLike): { filter: FindingsFilter; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const out: Record<string, unknown> = {};
  for (const field of findingsFilterFieldNames) {
    const values = valuesOf(params, field);
    const fieldSchema = findingsFilterFields[field] as z.ZodType;
    const input = repeatable.has(field) ? (values.length ? values : undefined) : values[0];
    const parsed = fieldSchema.safeParse(input);
    if (parsed.success) out[field] = parsed.data;
    else {
      const first = parsed.error.issues[0];
      issues.push({ field, message: first?.message ?? "invalid" });
      out[field] = fieldSchema.safeParse(undefined).data;
    }
  }
  const filter = out as FindingsFilter;
  for (const [min, max] of [["epssMin", "epssMax"], ["scoreMin", "scoreMax"], ["ageMin", "ageMax"]] as const) {
    const lo = filter[min], hi = filter[max];
    if (lo !== undefined && hi !== undefined && lo > hi) {
      issues.push({ field: max, message: `must not be below ${min} (${lo})` });
      delete (filter as Record<string, unknown>)[max];
    }
  }
  for (const [min, max] of [["firstSeenFrom", "firstSeenTo"], ["closedFrom", "closedTo"], ["reopenedFrom", "reopenedTo"], ["becameExploitableFrom", "becameExploitableTo"]] as const) {
    const lo = filter[min], hi = filter[max];
    if (lo !== undefined && hi !== undefined && emptyRange(lo, hi)) {
      issues.push({ field: max, message: `leaves no time after ${min} (${lo})` });
      delete (filter as Record<string, unknown>)[max];
    }
  }
  const cursor = filter.cursor ? decodeCursor(filter.cursor) : undefined;
  if (cursor && cursor.sort !== filter.sort) {
    issues.push({ field: "cursor", message: `belongs to sort=${cursor.sort}, not sort=${filter.sort}` });
    delete filter.cursor;
  }
  return { filter, issues };
}
