// Nothing under lib/queries (nor the sync's snapshot and integrity counts) may filter findings by
// status with its own predicate: every status test goes through lib/queries/lifecycle-sql.ts.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isTestCode } from "@/lib/test-support/test-code";

const roots = ["lib/queries", "lib/sync/snapshots", "lib/sync/integrity/cache-counts.ts"];
const helper = path.normalize("lib/queries/lifecycle-sql.ts");

function files(p: string): string[] {
  if (!fs.statSync(p).isDirectory()) return [p];
  return fs.readdirSync(p).flatMap((n) => files(path.join(p, n)));
}

const finding = "'(?:ACTIVE|SUPPRESSED|CLOSED|GONE)'";
/** SQL comparing a status column (not scan_status_code, sync_status …) with a finding status or a
 *  parameter; JS `===` and other tables' statuses ('OK', 'FAILED') are left out. */
const statusPredicate = new RegExp(
  String.raw`(?<![\w$])(?:\w+\.)?status\s*(?:(?:<>|!=|=(?!=))\s*(?:${finding}|\$\{|\$\d)|(?:NOT\s+)?IN\s*\(\s*${finding}|=\s*ANY)`, "i");
/** A finding status spelt out in SQL: 'ACTIVE' etc. (scan_status_code has its own ACTIVE). */
const statusLiteral = new RegExp(finding);

export function violations(file: string, text: string): string[] {
  const bench = file.includes(`${path.sep}bench${path.sep}`);
  return text.split("\n").flatMap((line, i) => {
    const where = `${file}:${i + 1}: ${line.trim()}`;
    if (statusPredicate.test(line)) return [where];
    if (!bench && statusLiteral.test(line) && !/scan_status_code/.test(line)) return [where];
    return [];
  });
}

describe("one lifecycle definition", () => {
  it("finds no status predicate outside lib/queries/lifecycle-sql.ts", () => {
    const checked = roots.flatMap(files).filter((f) => /\.tsx?$/.test(f) && !isTestCode(f) && path.normalize(f) !== helper);
    expect(checked.length).toBeGreaterThan(40);
    const found = checked.flatMap((f) => violations(f, fs.readFileSync(f, "utf8")));
    expect(found).toEqual([]);
  });

  it("catches the forms a hand-written predicate takes", () => {
    const q = path.join("lib", "queries", "x.ts");
    expect(violations(q, "WHERE f.status = 'ACTIVE' AND x")).toHaveLength(1);
    expect(violations(q, "count(*) FILTER (WHERE status <> 'CLOSED')")).toHaveLength(1);
    expect(violations(q, "AND f.status IN ('ACTIVE','SUPPRESSED')")).toHaveLength(1);
    expect(violations(q, "AND e.to_value = 'ACTIVE'")).toHaveLength(1);
    expect(violations(q, "WHERE cr.scan_status_code <> 'ACTIVE' AND ar.sync_status = 'OK'")).toEqual([]);
    expect(violations(q, "AND f.status = ${st} AND")).toHaveLength(1);
    expect(violations(q, 'if (r.status === "ACTIVE") return;')).toEqual([]);
    expect(violations(q, "AND (s.status <> 'OK' OR s.integrity_match IS FALSE)")).toEqual([]);
    const bench = path.join("lib", "queries", "bench", "seed.ts");
    expect(violations(bench, "VALUES ('ACTIVE', 1)")).toEqual([]);
    expect(violations(bench, "WHERE status = 'ACTIVE'")).toHaveLength(1);
  });
});
