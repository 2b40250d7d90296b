// The shared parts of a finding's raw JSON (lib/domain/raw-finding-parts.ts), joined to the findings
// row `f` under the names joinRawFinding reads: one definition for every reader of the whole JSON.
export const RAW_PARTS_COLUMNS = "pv.doc AS raw_vulnerability, pr.doc AS raw_resources, pi.doc AS raw_installed";
export const RAW_PARTS_JOIN = `LEFT JOIN finding_raw_parts pv ON pv.id = f.raw_vulnerability_part
  LEFT JOIN finding_raw_parts pr ON pr.id = f.raw_resources_part
  LEFT JOIN finding_raw_parts pi ON pi.id = f.raw_installed_part`;
/** Every finding with its parts' texts (tests and benches that put the whole JSON back). */
export const FINDINGS_WITH_RAW_PARTS_SQL = `SELECT f.*, ${RAW_PARTS_COLUMNS} FROM findings f ${RAW_PARTS_JOIN}`;
/** The installed part's text alone (raw_installed), looked up per row by the parts' key: for reads whose
 *  rows come from another index walk (the CSV export's pages), where only this part is wanted. */
export const RAW_INSTALLED_COLUMN = "(SELECT pi.doc FROM finding_raw_parts pi WHERE pi.id = f.raw_installed_part) AS raw_installed";
