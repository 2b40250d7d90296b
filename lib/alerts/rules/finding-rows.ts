// Finding rows → candidates and the explorer link, shared by the finding rules (new, exploitable,
// SLA): the same columns, the rule's scope and severities as SQL parameters, severity order first.
// The link opens exactly the findings a digest alerted (the explorer's alert=<rule>:<run> filter).
import { OPEN_STATUS } from "@/lib/domain/lifecycle";
import { severityOrder } from "@/lib/domain/severity";
import { findingHref, findingsHref } from "@/lib/queries/findings/findings-href";
import { severitiesFrom } from "../rule-config";
import type { Prisma } from "@/lib/queries/sql";
import { inUseSql } from "@/lib/queries/in-use-sql";
import type { DigestCount } from "../digest-count";
import type { Candidate, EvalContext, Evaluation } from "./types";

export const FINDING_COLUMNS = `f.id, f.arn, f.title, f.severity, f.account_id, f.region, f.resource_id, f.finding_key, f.inspector_score`;

/** `AND` clause for open findings in scope at the rule's severities: params $1 open, $2 sevs, $3 all, $4 ids.
 *  Findings on images that run nowhere are left out, as the explorer and the review leave them out by
 *  default ("In use only"): what an alert counts is what its link opens. */
export const FINDING_FILTER = `f.status = $1 AND f.severity = ANY($2::text[]) AND ($3::boolean OR f.account_id = ANY($4::text[])) AND ${inUseSql("only", "f").text}`;

/** A shared SQL fragment inside a statement whose own parameters are $1..$offset: its placeholders
 *  move past them, and its values go after the statement's. */
export function fragmentAfter(sql: Prisma.Sql, offset: number): { text: string; values: unknown[] } {
  return { text: sql.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`), values: sql.values as unknown[] };
}

export function findingParams(c: EvalContext): unknown[] {
  return [OPEN_STATUS, severitiesFrom(c.rule.minSeverity), c.accounts === "all", c.accounts === "all" ? [] : c.accounts];
}

export interface FindingRow {
  id: string; arn: string; title: string; severity: string; account_id: string; region: string; resource_id: string;
  finding_key: string; inspector_score: number | null; transition: string; detail?: string | null;
}

/** A digest item's title: the finding's key first, unless Inspector's title already begins with it
 *  ("CVE-2024-3094 - xz-utils", not "CVE-2024-3094 — CVE-2024-3094 - xz-utils"). */
export function itemTitle(findingKey: string, title: string): string {
  const text = title.toLowerCase().startsWith(findingKey.toLowerCase()) ? title : `${findingKey} — ${title}`;
  return text.slice(0, 300);
}

export function findingCandidates(rows: FindingRow[], appUrl: string): Candidate[] {
  return rows.map((r) => ({
    subject: r.arn,
    transition: r.transition,
    item: {
      title: itemTitle(r.finding_key, r.title), severity: r.severity, accountId: r.account_id,
      detail: [r.detail, r.region, r.resource_id, r.inspector_score !== null ? `score ${r.inspector_score}` : null].filter(Boolean).join(" · "),
      link: `${appUrl}${findingHref(r.arn)}`,
    },
  }));
}

/** The explorer showing the findings a digest of this rule alerted in `runId`: the alert_sent rows
 *  keepFresh stored under that run (plan-batch.ts), and nothing else. No account or severity beside
 *  it: they would add nothing, and an account list (capped for the URL) could drop findings. The
 *  explorer's defaults (open, in use) hold at alert time: FINDING_FILTER counts only such findings. */
export function alertLink(c: EvalContext, runId: number): string {
  return `${c.appUrl}${findingsHref({ alert: { ruleId: c.rule.id, runId }, sort: "severity" })}`;
}

/** A finding rule's evaluation: its rows as candidates, its heading over them (distinct findings, and
 *  alerts when more), and its link opening exactly those findings. */
export function findingEvaluation(c: EvalContext, rows: FindingRow[], heading: (n: DigestCount) => string): Evaluation {
  return { candidates: findingCandidates(rows, c.appUrl), heading, link: (_items, runId) => alertLink(c, runId), subjects: "findings" };
}

/** Worst first, then by score, then findings.id: what the top N of a digest shows, in the order of
 *  the explorer's severity sort (findings-sort.ts), which the digest's link asks for. */
export const FINDING_ORDER = `array_position(ARRAY[${severityOrder.map((s) => `'${s}'`).join(",")}], f.severity), f.inspector_score DESC NULLS LAST, f.id`;
