// GONE findings (Inspector no longer reports them) are out of every open count by construction,
// and a past instant still sees them open when they went gone only after it.
import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addFinding, daysAgo, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";
import { countFindings } from "@/lib/queries/findings/findings-search";
import { getOpenAggregates } from "@/lib/queries/posture/open-aggregates";
import { getTopRisks } from "@/lib/queries/posture/top-risks";
import { Prisma, queryOne } from "@/lib/queries/sql";
import { lifecycleText, openAtSql } from "./lifecycle-sql";

const A = "111111111111";
const database = setupQueryTestDatabase();
const gone = { status: "GONE", gone_at: daysAgo(2), gone_reason: "ACCOUNT_LEFT_INSPECTOR", gone_from_status: "ACTIVE" };

beforeAll(async () => {
  const d = database();
  await addAccount(d, A);
  await addFinding(d, { account_id: A, vulnerability_id: "CVE-2024-1", severity: "CRITICAL" });
  await addFinding(d, { account_id: A, vulnerability_id: "CVE-2024-1", severity: "CRITICAL", ...gone });
  await addFinding(d, { account_id: A, vulnerability_id: "CVE-2024-2", severity: "HIGH", ...gone });
  await addFinding(d, { account_id: A, vulnerability_id: "CVE-2024-3", status: "CLOSED", closed_at: daysAgo(1) });
});

const count = (qs: string) => countFindings(allScope, parseFindingsFilter(new URLSearchParams(qs)).filter).then((c) => c.count);

describe("the shared lifecycle predicates", () => {
  it("keep GONE findings out of the overview, top risks and the explorer's default", async () => {
    const agg = await getOpenAggregates(allScope, []);
    expect(agg.byAccount).toEqual([{ account_id: A, severity: "CRITICAL", count: 1 }]);
    const risks = await getTopRisks(allScope, []);
    expect(risks.map((r) => [r.vulnerability_id, r.findings])).toEqual([["CVE-2024-1", 1]]);
    expect(await count("")).toBe(1);
    expect(await count("status=GONE")).toBe(2);
    expect(await count("status=ACTIVE&status=SUPPRESSED&status=CLOSED&status=GONE")).toBe(4);
    // Its resource is not in coverage: closed because it went away, not remediated.
    expect(await count("status=CLOSED&closure=removed")).toBe(1);
    expect(await count("status=CLOSED&closure=remediated")).toBe(0);
  });

  it("sees a finding open at a past instant when it closed or went gone only after it", async () => {
    const openAt = async (asOf: Date) => (await queryOne<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM findings f WHERE ${openAtSql("f", asOf)}`))!.n;
    expect(await openAt(daysAgo(3))).toBe(4);
    expect(await openAt(daysAgo(1.5))).toBe(2);
    expect(await openAt(new Date())).toBe(1);
  });

  it("writes plain text for the sync's pg queries and refuses odd aliases", () => {
    expect(lifecycleText("open", "f")).toBe("f.status = 'ACTIVE'");
    expect(lifecycleText("gone")).toBe("status = 'GONE'");
    expect(() => lifecycleText("open", "f; DROP")).toThrow();
  });
});
