import { deepInspectionLabel, scanModeLabel } from "@/lib/domain/ec2-scan-mode";

/** Scan mode of a covered resource, and for EC2 instances the deep-inspection state. */
export function Ec2ScanMode({ row }: { row: { resource_type: string; scan_mode: string | null; scan_status_reason: string | null } }) {
  if (row.resource_type !== "AWS_EC2_INSTANCE") return row.scan_mode ? <span className="block text-muted">{scanModeLabel(row.scan_mode)}</span> : null;
  return (
    <>
      <span className="block text-muted" data-scan-mode={row.scan_mode ?? ""}>mode: {scanModeLabel(row.scan_mode)}</span>
      <span className="block text-muted">deep inspection: {deepInspectionLabel(row.scan_mode, row.scan_status_reason)}</span>
    </>
  );
}
