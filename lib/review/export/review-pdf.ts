// The review as a PDF for the meeting: the same payload as the page, section by section.
import { rankedSeverities, severityColor, severityLabel } from "@/lib/domain/severity";
import type { ReviewPayload } from "@/lib/queries/review/review-types";
import { formatDay, formatDays, formatInstant } from "../format";
import { PdfWriter, hexColor, muted } from "./pdf-writer";
import { reviewHeadline } from "./review-headline";
import { sinceGroups, sinceUnobserved } from "./since-groups";
import { inUseLine } from "../review-in-use";


export async function reviewPdf(p: ReviewPayload, statusLine: string): Promise<Uint8Array> {
  const w = await PdfWriter.create(`Weekly review ${p.meta.meetingDate}`);
  w.heading(`Weekly review — ${formatDay(p.meta.meetingDate)}`, 18);
  w.text(`${p.meta.group.label} · as of ${formatInstant(p.meta.asOf)} · since ${formatInstant(p.since.from)}`, { color: muted });
  w.text(statusLine, { color: muted });
  w.text(inUseLine(p.meta), { color: muted });
  w.gap(4);
  w.tiles(reviewHeadline(p).map((h) => ({ label: h.label, value: h.value == null ? "—" : String(h.value) })));

  w.heading("Open findings by severity, per week");
  w.stackedBars(
    p.trends.open.map((x) => x.label),
    rankedSeverities.map((s) => ({ name: severityLabel[s], color: hexColor(severityColor[s].fill), values: p.trends.open.map((x) => x.open?.[s] ?? 0) })),
  );
  const widths = [48, 40, 40, 40, 40, 42, 38, 40, 44, 44, 48, 51];
  w.table(
    ["Week of", "Critical", "High", "Medium", "Low", "Open", "New", "Fixed", "MTTR C", "MTTR H", "Scanned", "Unscanned"].map((h, i) => ({ header: h, width: widths[i], align: i ? ("right" as const) : ("left" as const) })),
    p.trends.weeks.map((wk, i) => {
      const o = p.trends.open[i], f = p.trends.flow[i], m = p.trends.mttr[i], c = p.trends.coverage[i];
      const n = (v: number | null | undefined) => (v == null ? "—" : String(v));
      return [wk.label, ...rankedSeverities.map((s) => n(o.open?.[s])), n(o.total), n(f.opened), n(f.remediated ?? f.closed), formatDays(m.days.CRITICAL), formatDays(m.days.HIGH), n(c.active), n(c.inactive)];
    }),
  );
  w.text("Fixed = remediated closures (resource still scanned). MTTR in days from first observation to a remediated close, by the week of the close. — = no data.", { size: 7.5, color: muted });

  w.heading("SLA");
  const policy = rankedSeverities.map((s) => `${severityLabel[s]} ${p.sla.policy[s] ?? "-"} d`).join(" · ");
  w.paragraph(`Days to remediate from first observation: ${policy}. Findings under a valid risk exception leave the counts and are listed as excepted.`, { color: muted });
  w.text(`Breached ${p.sla.totals.breached} · due within ${p.sla.dueSoonDays} days ${p.sla.totals.dueSoon} · excepted ${p.sla.totals.excepted}`, { bold: true });
  w.gap(2);
  w.table(
    [{ header: "Owner", width: 255 }, { header: "Accounts", width: 65, align: "right" }, { header: "Breached", width: 65, align: "right" }, { header: "Due soon", width: 65, align: "right" }, { header: "Excepted", width: 65, align: "right" }],
    p.sla.byOwner.map((o) => [o.owner, String(o.accountIds.length), String(o.breached), String(o.dueSoon), String(o.excepted)]),
  );
  w.table(
    [{ header: "Account", width: 200 }, { header: "Owner", width: 120 }, { header: "Breached", width: 65, align: "right" }, { header: "Due soon", width: 65, align: "right" }, { header: "Excepted", width: 65, align: "right" }],
    p.sla.byAccount.map((a) => [`${a.accountName ?? a.accountId} (${a.accountId})`, a.owner, String(a.breached), String(a.dueSoon), String(a.excepted)]),
  );
  w.text(`Most overdue findings (${p.sla.findings.length} listed)`, { bold: true });
  w.table(
    [{ header: "Severity", width: 50 }, { header: "Finding", width: 215 }, { header: "Account", width: 100 }, { header: "Due", width: 70 }, { header: "State", width: 80 }],
    p.sla.findings.slice(0, 40).map((f) => [severityLabel[f.severity], f.vulnerabilityId && !f.title.startsWith(f.vulnerabilityId) ? `${f.vulnerabilityId} ${f.title}` : f.title, f.accountName ?? f.accountId, f.dueAt.slice(0, 10), f.excepted ? "excepted" : f.state]),
  );

  w.heading("Since the last review");
  for (const g of sinceGroups(p.since)) {
    w.text(`${g.label}: ${g.count ?? `— (${sinceUnobserved(p.since)})`}${g.extra && g.count !== null ? ` (${g.extra})` : ""}`, { bold: true });
    for (const item of g.group.items.slice(0, 6)) w.text(`${item.label} — ${item.detail}`, { size: 8, indent: 12, color: muted });
  }

  w.heading("Risk exceptions");
  for (const [label, rows] of [["Expiring before the next meeting", p.exceptions.expiring], ["Expired", p.exceptions.expired], ["Active", p.exceptions.active]] as const) {
    w.text(`${label}: ${rows.length}`, { bold: true });
    if (rows.length) {
      w.table(
        [{ header: "Covers", width: 170 }, { header: "Owner", width: 90 }, { header: "Expires", width: 65 }, { header: "Findings", width: 45, align: "right" }, { header: "Reason", width: 145 }],
        rows.map((e) => [e.findingArn ?? `${e.vulnerabilityId} on ${e.resourceIds.length ? e.resourceIds.join(", ") : "all resources"}`, e.owner, e.expiryDay, String(e.findings), e.reason]),
      );
    }
  }
  return w.finish(`Inspectorate weekly review ${p.meta.meetingDate}`);
}
