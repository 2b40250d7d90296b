import { auditActions } from "@/lib/auth/audit";
import { AUDIT_NEEDS_WHOLE_ORG, listAudit, parseAuditFilter, readsAuditLog } from "@/lib/auth/audit-query";
import { requirePermission } from "@/lib/auth/require-permission";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ScrollArea } from "@/components/ui/scroll-area";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit trail" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const input = "rounded-md border border-line bg-white px-2 py-1.5 text-sm";

export default async function Page({ searchParams }: Props) {
  const actor = await requirePermission("audit");
  if (!readsAuditLog(actor)) {
    return (
      <>
        <PageHeader title="No access: the audit log is for whole-organization admins" subtitle="Your admin role reaches some accounts only." />
        <Card><p className="text-sm" data-testid="audit-no-access">{AUDIT_NEEDS_WHOLE_ORG[0].toUpperCase() + AUDIT_NEEDS_WHOLE_ORG.slice(1)}.</p></Card>
      </>
    );
  }
  const q = Object.fromEntries(Object.entries(await searchParams).filter(([, v]) => typeof v === "string")) as Record<string, string>;
  const filter = parseAuditFilter(q);
  const rows = await listAudit(filter);
  const csv = `/api/admin/audit?${new URLSearchParams(Object.entries(filter).filter(([k, v]) => v !== undefined && k !== "limit").map(([k, v]) => [k, String(v)]))}`;
  return (
    <>
      <PageHeader title="Audit trail" subtitle="Who did what, when and from where. Append-only: every row was written in the same transaction as the change it records." actions={<a href={csv} className="rounded-md border border-line px-3 py-1.5 text-sm font-medium hover:bg-slate-50" data-testid="audit-csv">Export CSV</a>} />
      <Card>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the audit trail">
          <label className="flex flex-col gap-1">Action
            <select name="action" defaultValue={filter.action ?? ""} className={input}>
              <option value="">any</option>
              {[...new Set(auditActions.map((a) => a.split(".")[0]))].map((g) => <option key={g} value={g}>{g}.*</option>)}
              {auditActions.map((a) => <option key={a} value={a}>{a}</option>)}
            </select>
          </label>
          <label className="flex flex-col gap-1">Who<input name="actor" defaultValue={filter.actor ?? ""} className={input} placeholder="name, email or id" /></label>
          <label className="flex flex-col gap-1">From<input type="date" name="from" defaultValue={filter.from ?? ""} className={input} /></label>
          <label className="flex flex-col gap-1">To<input type="date" name="to" defaultValue={filter.to ?? ""} className={input} /></label>
          <button type="submit" className="rounded-md bg-accent px-3 py-1.5 font-semibold text-white hover:bg-blue-800">Filter</button>
        </form>
        <ScrollArea label="Audit trail">
        <table className="audit-cards w-full text-sm" data-testid="audit-table">
          <thead><tr className="text-left text-xs uppercase text-muted"><th className="py-1">When (UTC)</th><th>Who</th><th>Action</th><th>Target</th><th>From</th><th>Detail</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-t border-line align-top">
                <td className="whitespace-nowrap py-1.5">{r.at.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td data-label="Who">{r.actorName} <span className="text-xs text-muted">({r.actorKind})</span></td>
                <td className="font-mono text-xs" data-label="Action">{r.action}</td>
                <td className="max-w-[14rem] truncate font-mono text-xs" data-label="Target" title={r.target ?? ""}>{r.target ?? "—"}</td>
                <td className="text-xs" data-label="From">{r.address ?? "—"}</td>
                <td className="max-w-[28rem] truncate font-mono text-xs" data-label="Detail" title={JSON.stringify(r.detail)}>{JSON.stringify(r.detail)}</td>
              </tr>
            ))}
            {rows.length === 0 && <tr><td colSpan={6} className="py-3 text-muted">Nothing recorded for this filter.</td></tr>}
          </tbody>
        </table>
        </ScrollArea>
        {rows.length === filter.limit && <p className="mt-2 text-xs text-muted">Showing the newest {filter.limit}; narrow the filter or export CSV for more.</p>}
      </Card>
    </>
  );
}
