// The review route's URL contract, one schema for the page and every /api/review endpoint:
// ?date=YYYY-MM-DD (meeting date, default today UTC) &group=org|ou|owner|account &value=… &weeks=12
// &version=N (a frozen review's version; default the newest) &cis=1 (the optional CIS section)
// &inUse=all (the "In use only" switch, lib/domain/in-use.ts; "only" is the default, left out of links)
import { z } from "zod";
import { ACCOUNT_ID_PATTERN, accountIdMessage } from "@/lib/domain/account-id";
import { inUseParam } from "@/lib/domain/in-use";
import { isDay, toDay, DAY_EXPECTED } from "./day";
import type { FieldIssue } from "./exception-input";

export const reviewGroupKinds = ["org", "ou", "owner", "account"] as const;
export const MIN_WEEKS = 12;
export const MAX_WEEKS = 52;
export const reviewInUseModes = ["only", "all"] as const;
export type ReviewInUse = (typeof reviewInUseModes)[number];

export function reviewParamsSchema(now: Date) {
  const today = toDay(now);
  return z
    .object({
      date: z
        .string()
        .refine(isDay, DAY_EXPECTED)
        .refine((d) => !isDay(d) || d <= today, `must not be after today (${today} UTC)`)
        .default(today),
      group: z.enum(reviewGroupKinds, { error: "expected org, ou, owner or account" }).default("org"),
      value: z.string().trim().min(1).max(256).optional(),
      weeks: z.coerce.number({ error: "expected a number" }).int("expected whole weeks").min(MIN_WEEKS, `at least ${MIN_WEEKS} weeks`).max(MAX_WEEKS, `at most ${MAX_WEEKS} weeks`).default(MIN_WEEKS),
      /** A frozen review's version (corrections are 2, 3, …); default the newest. */
      version: z.coerce.number({ error: "expected a number" }).int("expected a whole version").min(1, "versions start at 1").max(1000).optional(),
      /** Prefills the exception form with this finding ARN (from an SLA row's "Add exception"). */
      except: z.string().trim().min(1).max(2048).optional(),
      /** The optional CIS benchmark section (live from the cache, not frozen). */
      cis: z.enum(["1"], { error: "expected 1" }).optional(),
      /** Every account of the SLA table, not only the most breached (1,000 rows at a large organization). */
      accounts: z.enum(["all"], { error: "expected all" }).optional(),
      /** Every finding of the SLA list (the review keeps the 100 most overdue), not only the first 15. */
      slaFindings: z.enum(["all"], { error: "expected all" }).optional(),
      /** The "In use only" switch; the explorer's "idle" is not a review view. */
      inUse: z.enum(reviewInUseModes, { error: "expected only or all" }).default("only"),
    })
    .superRefine((v, ctx) => {
      if (v.group !== "org" && !v.value) ctx.addIssue({ code: "custom", path: ["value"], message: `required when group is ${v.group}` });
      if (v.group === "account" && v.value && !ACCOUNT_ID_PATTERN.test(v.value)) ctx.addIssue({ code: "custom", path: ["value"], message: accountIdMessage(v.value) });
    });
}

export type ReviewParams = z.output<ReturnType<typeof reviewParamsSchema>>;
type Raw = URLSearchParams | Record<string, string | string[] | undefined>;

export function parseReviewParams(raw: Raw, now = new Date()): { ok: true; params: ReviewParams } | { ok: false; issues: FieldIssue[] } {
  const get = (k: string) => {
    const v = raw instanceof URLSearchParams ? raw.get(k) ?? undefined : raw[k];
    const one = Array.isArray(v) ? v[0] : v;
    return one === "" ? undefined : one;
  };
  const r = reviewParamsSchema(now).safeParse({ date: get("date"), group: get("group"), value: get("value"), weeks: get("weeks"), version: get("version"), except: get("except"), cis: get("cis"), accounts: get("accounts"), slaFindings: get("slaFindings"), inUse: get("inUse") });
  if (r.success) return { ok: true, params: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ field: String(i.path[0] ?? "query"), message: i.message })) };
}

/** The review URL for params, leaving defaults out. */
export function reviewHref(p: Partial<ReviewParams>, base = "/review"): string {
  const q = new URLSearchParams();
  if (p.date) q.set("date", p.date);
  if (p.group && p.group !== "org") q.set("group", p.group);
  if (p.group && p.group !== "org" && p.value) q.set("value", p.value);
  if (p.weeks && p.weeks !== MIN_WEEKS) q.set("weeks", String(p.weeks));
  if (p.version) q.set("version", String(p.version));
  if (p.except) q.set("except", p.except);
  if (p.cis) q.set("cis", "1");
  if (p.accounts) q.set("accounts", p.accounts);
  if (p.slaFindings) q.set("slaFindings", p.slaFindings);
  const inUse = inUseParam(p.inUse);
  if (inUse) q.set("inUse", inUse);
  const s = q.toString();
  return s ? `${base}?${s}` : base;
}
