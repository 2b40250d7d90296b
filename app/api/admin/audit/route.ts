// GET /api/admin/audit?action=&actor=&from=&to=&limit= — the audit trail as CSV (whole-organization admins;
// anyone else 403, saying why).
import { recordExport } from "@/lib/auth/audit-export";
import { assertAuditReader, auditCsv, listAudit, parseAuditFilter } from "@/lib/auth/audit-query";
import { withGuard } from "@/lib/auth/guard";

export const dynamic = "force-dynamic";

/** Rows one CSV holds at most; also what the page's "Export CSV" link (which sends no limit) gets. */
const AUDIT_CSV_MAX_ROWS = 10_000;

export const GET = withGuard(async (request, guard) => {
  assertAuditReader(guard.actor);
  const params = new URL(request.url).searchParams;
  const filter = parseAuditFilter(params);
  // A requested limit is honoured up to the cap; none asked for means the cap.
  const limit = Math.min(params.has("limit") ? filter.limit : AUDIT_CSV_MAX_ROWS, AUDIT_CSV_MAX_ROWS);
  const rows = await listAudit({ ...filter, limit });
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
