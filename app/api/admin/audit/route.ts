// GET /api/admin/audit?action=&actor=&from=&to=&limit= — the audit trail as CSV (admins).
import { recordExport } from "@/lib/auth/audit-export";
import { auditCsv, listAudit, parseAuditFilter } from "@/lib/auth/audit-query";
import { withGuard } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

export const GET = withGuard(async (request, guard) => {
  const filter = parseAuditFilter(new URL(request.url).searchParams);
  const rows = await listAudit({ ...filter, limit: Math.max(filter.limit, 10_000) });
  await recordExport(guard, "export.audit_csv", { filter, rows: rows.length });
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, "");
  return new Response(auditCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="inspectorate-audit-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}, { permission: "audit", mutating: false });
