import { describe, expect, it, beforeAll } from "vitest";
import { addAccount, addFinding, daysAgo, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { allScope } from "@/lib/queries/scope";
import { parseFindingsFilter } from "@/lib/queries/findings/findings-filter";
import { countFindings, searchFindings } from "@/lib/queries/findings/findings-search";
import { getTopRisks } from "@/lib/queries/posture/top-risks";
import { slaBreaches } from "@/lib/queries/review/sla-breaches";
import { reviewAccounts } from "@/lib/queries/review/review-accounts";
import { getVulnerabilityIntel } from "./vulnerability-intel";

// KEV read side: the explorer filter's three states, the row badge, top risks, the detail read and
// KEV's due date as an SLA clock.

const database = setupQueryTestDatabase();
const A = "111111111111";
const arns: Record<string, string> = {};
const intel = (id: string, inKev: boolean | null, due: Date | null) =>
  database().pool.query(
    `INSERT INTO vulnerability_intel (vulnerability_id, state, source_arn, basis_at, fetched_at, in_kev, kev_date_added, kev_date_due, kev_action, cwes, evidences)
     VALUES ($1, $2, 'x', now(), now(), $3, $4, $5, $6, '{CWE-917}', '[{"rule":"r","detail":"d","severity":"CRITICAL"}]')`,
    [id, inKev === null ? "NOT_FOUND" : "OK", inKev, inKev ? daysAgo(60) : null, due, inKev ? "Patch it." : null]);

beforeAll(async () => {
  await addAccount(database(), A);
  arns.kev = await addFinding(database(), { account_id: A, vulnerability_id: "CVE-KEV", severity: "HIGH", first_observed_at: daysAgo(5), inspector_score: 9 });
  arns.no = await addFinding(database(), { account_id: A, vulnerability_id: "CVE-NO", inspector_score: 8 });
  arns.notFound = await addFinding(database(), { account_id: A, vulnerability_id: "CVE-NF", inspector_score: 7 });
  arns.never = await addFinding(database(), { account_id: A, vulnerability_id: "CVE-NEVER", inspector_score: 6 });
  await intel("CVE-KEV", true, daysAgo(2));
  await intel("CVE-NO", false, null);
  await intel("CVE-NF", null, null);
});

const search = async (qs: string) => (await searchFindings(allScope, parseFindingsFilter(new URLSearchParams(qs)).filter)).rows;

describe("KEV read side", () => {
  it("filters exactly: YES, NO, and UNKNOWN for never fetched or without details; rows carry the three states", async () => {
    expect((await search("kev=YES")).map((r) => r.arn)).toEqual([arns.kev]);
    expect((await search("kev=NO")).map((r) => r.arn)).toEqual([arns.no]);
    expect((await search("kev=UNKNOWN")).map((r) => r.arn).sort()).toEqual([arns.notFound, arns.never].sort());
    expect((await countFindings(allScope, parseFindingsFilter(new URLSearchParams("kev=YES")).filter)).count).toBe(1);
    expect(Object.fromEntries((await search("")).map((r) => [r.arn, r.kev]))).toEqual({ [arns.kev]: "YES", [arns.no]: "NO", [arns.notFound]: null, [arns.never]: null });
    expect(parseFindingsFilter(new URLSearchParams("kev=maybe")).issues.map((i) => i.field)).toEqual(["kev"]);
  });

  it("top risks say KEV yes/no/unknown per vulnerability", async () => {
    const risks = Object.fromEntries((await getTopRisks(allScope, [])).map((r) => [r.finding_key, r.kev]));
    expect(risks).toEqual({ "CVE-KEV": true, "CVE-NO": false, "CVE-NF": null, "CVE-NEVER": null });
  });

  it("reads one vulnerability's details, undefined when never fetched", async () => {
    expect(await getVulnerabilityIntel("CVE-NEVER")).toBeUndefined();
    expect(await getVulnerabilityIntel("CVE-KEV")).toMatchObject({ inKev: true, kevAction: "Patch it.", cwes: ["CWE-917"], evidences: [{ rule: "r" }] });
  });

  it("KEV's due date is the SLA clock when earlier, only with the switch on", async () => {
    const policy = { CRITICAL: 15, HIGH: 30, MEDIUM: 90, LOW: 180, INFORMATIONAL: null, UNTRIAGED: null };
    const accounts = await reviewAccounts(allScope);
    const off = await slaBreaches(allScope, new Date(), policy, accounts, 7, false);
    const on = await slaBreaches(allScope, new Date(), policy, accounts, 7, true);
    expect(off.findings.map((f) => f.arn)).not.toContain(arns.kev);
    expect(on.findings.find((f) => f.arn === arns.kev)).toMatchObject({ state: "breached" });
    expect(on.totals.breached - off.totals.breached).toBe(1);
  });
});
