// The review as one long CSV (section, key, label, metric, value): every number the page and the
// PDF show, easy to pivot in a spreadsheet.
import { severityOrder } from "@/lib/domain/severity";
import type { ReviewPayload } from "@/lib/queries/review/review-types";
import { reviewHeadline } from "./review-headline";
import { sinceGroups } from "./since-groups";
import { inUseLine, recordedInUse } from "../review-in-use";

type Cell = string | number | null;

/** RFC 4180 quoting, and a leading apostrophe so no cell is read as a spreadsheet formula. */
export function csvCell(v: Cell): string {
  if (v == null) return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toFixed(2);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function reviewCsv(p: ReviewPayload, frozenAt: string | null, statusLine = ""): string {
  const rows: Cell[][] = [["section", "key", "label", "metric", "value"]];
  const add = (...r: Cell[]) => rows.push(r);
  add("meta", "meetingDate", p.meta.group.label, "as of", p.meta.asOf);
  add("meta", "meetingDate", p.meta.meetingDate, "since", p.since.from);
  add("meta", "meetingDate", p.meta.meetingDate, "frozen at", frozenAt);
  add("meta", "status", p.meta.meetingDate, "status", statusLine);
  add("meta", "inUse", inUseLine(p.meta), "in use", recordedInUse(p.meta).mode);
  for (const h of reviewHeadline(p)) add("headline", h.key, h.label, "count", h.value);
  p.trends.weeks.forEach((w, i) => {
    for (const s of severityOrder) add("trend.open", w.week, w.label, s, p.trends.open[i].open?.[s] ?? null);
    add("trend.open", w.week, w.label, "TOTAL", p.trends.open[i].total);
    add("trend.flow", w.week, w.label, "new", p.trends.flow[i].opened);
    add("trend.flow", w.week, w.label, "closed", p.trends.flow[i].closed);
    add("trend.flow", w.week, w.label, "remediated", p.trends.flow[i].remediated ?? null);
    add("trend.flow", w.week, w.label, "removed", p.trends.flow[i].removed ?? null);
    add("trend.flow", w.week, w.label, "reopened", p.trends.flow[i].reopened ?? null);
    for (const s of severityOrder) if (p.trends.mttr[i].closed[s]) add("trend.mttr_days", w.week, w.label, s, p.trends.mttr[i].days[s]);
    add("trend.coverage", w.week, w.label, "active", p.trends.coverage[i].active);
    add("trend.coverage", w.week, w.label, "inactive", p.trends.coverage[i].inactive);
  });
  for (const o of p.sla.byOwner) for (const m of ["breached", "dueSoon", "excepted"] as const) add("sla.owner", o.owner, o.owner, m, o[m]);
  for (const a of p.sla.byAccount) for (const m of ["breached", "dueSoon", "excepted"] as const) add("sla.account", a.accountId, a.accountName, m, a[m]);
  for (const a of p.sla.byAccount) if (a.cost) add("sla.account", a.accountId, a.accountName, `estimated_monthly_cost_${a.cost.currency ?? "unknown"}`, a.cost.amount);
  for (const f of p.sla.findings) add("sla.finding", f.arn, f.title, f.excepted ? "excepted" : f.state, f.dueAt);
  for (const g of sinceGroups(p.since)) {
    add("since", g.key, g.label, "count", g.count);
    for (const i of g.group.items) add(`since.${g.key}`, i.key, i.label, i.detail, null);
  }
  for (const status of ["expiring", "expired", "active"] as const) {
    for (const e of p.exceptions[status]) add(`exception.${status}`, String(e.id), e.findingArn ?? e.vulnerabilityId, `expires ${e.expiryDay}; owner ${e.owner}`, e.findings);
  }
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
