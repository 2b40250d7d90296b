// Coverage lost: an account that left Inspector or the organization, a region where Inspector is
// not enabled, or a scan type that is off. A state rule: each subject alerts when it goes dark and
// may alert again after it came back.
import { countText } from "../digest-count";
import type { Candidate, Evaluator } from "./types";

interface DarkRow { subject: string; transition: string; title: string; account_id: string; detail: string }

const SCAN_TYPES = [["ec2_status", "EC2"], ["ecr_status", "ECR"], ["lambda_status", "Lambda"]] as const;

export const coverageLost: Evaluator = async (c) => {
  const scans = SCAN_TYPES.map(([col, label]) =>
    `SELECT ar.account_id || '/' || ar.region || '/${label}', 'SCAN:' || ar.${col}, '${label} scanning ' || lower(ar.${col}) || ' in ' || COALESCE(a.name, ar.account_id), ar.account_id, ar.region
     FROM account_regions ar JOIN accounts a ON a.id = ar.account_id
     WHERE a.lifecycle = 'ACTIVE' AND ar.inspector_status = 'ENABLED' AND ar.${col} IS NOT NULL AND ar.${col} NOT IN ('ENABLED', 'ENABLING') AND ($1::boolean OR ar.account_id = ANY($2::text[]))`).join(" UNION ALL ");
  const { rows } = (await c.tx.query(
    `SELECT * FROM (
       SELECT a.id AS subject, 'ACCOUNT:' || a.lifecycle AS transition, 'Account ' || COALESCE(a.name, a.id) || ': ' || lower(replace(a.lifecycle, '_', ' ')) AS title, a.id AS account_id, 'since ' || COALESCE(to_char(a.lifecycle_since, 'YYYY-MM-DD'), '—') AS detail
       FROM accounts a WHERE a.lifecycle <> 'ACTIVE' AND ($1::boolean OR a.id = ANY($2::text[]))
       UNION ALL
       SELECT ar.account_id || '/' || ar.region, 'INSPECTOR:' || COALESCE(ar.inspector_status, 'UNKNOWN'), 'Inspector ' || lower(COALESCE(ar.inspector_status, 'not enabled')) || ' in ' || COALESCE(a.name, ar.account_id), ar.account_id, ar.region
       FROM account_regions ar JOIN accounts a ON a.id = ar.account_id
       WHERE a.lifecycle = 'ACTIVE' AND ar.sync_status <> 'NEVER_SYNCED' AND ar.inspector_status IS DISTINCT FROM 'ENABLED' AND ($1::boolean OR ar.account_id = ANY($2::text[]))
       UNION ALL ${scans}
     ) d ORDER BY account_id, subject`,
    [c.accounts === "all", c.accounts === "all" ? [] : c.accounts],
  )) as { rows: DarkRow[] };
  const candidates: Candidate[] = rows.map((r) => ({
    subject: r.subject, transition: r.transition,
    item: { title: r.title, severity: null, accountId: r.account_id, detail: r.detail, link: `${c.appUrl}/accounts/${r.account_id}` },
  }));
  const dark = new Set(rows.map((r) => `${r.subject}\n${r.transition}`));
  return {
    candidates,
    heading: (n) => `Coverage lost in ${countText(n, "place", "places")} — ${c.rule.name}`,
    link: () => `${c.appUrl}/coverage`,
    recovered: (alerted) => alerted.filter((k) => !dark.has(k)),
  };
};
