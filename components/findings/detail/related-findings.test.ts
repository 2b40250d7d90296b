import { afterEach, describe, expect, it, vi } from "vitest";
import { createDatabase, type Database } from "@/lib/db/client";
import { log } from "@/lib/ops/logger";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { getFindingDetail } from "@/lib/queries/findings/finding-detail";
import { RelatedFindings, RelatedFindingsLoader } from "./related-findings";

const database = setupQueryTestDatabase();
const holder = globalThis as { __inspectorateDb?: Database };
afterEach(() => vi.restoreAllMocks());

describe("the detail's streamed other resources", () => {
  it("lists the other resources, or says in the section that they could not be read and logs only the kind", async () => {
    const d = database();
    await addAccount(d, "111111111111");
    const arn = await addFinding(d, { account_id: "111111111111", vulnerability_id: "CVE-2024-9", resource_id: "i-a" });
    await addFinding(d, { account_id: "111111111111", vulnerability_id: "CVE-2024-9", resource_id: "i-b" });
    const { finding } = (await getFindingDetail(allScope, arn))!;

    const ok = await RelatedFindingsLoader({ scope: allScope, finding });
    expect(ok.type).toBe(RelatedFindings);
    expect(ok.props).toMatchObject({ total: 1, capped: false, vulnerabilityId: "CVE-2024-9" });

    // A database that refuses the connection: the section says so, the log line carries no message.
    const errors = vi.spyOn(log(), "error");
    const dead = createDatabase("postgresql://u:p@127.0.0.1:1/x", 1, 500);
    holder.__inspectorateDb = dead;
    try {
      const failed = await RelatedFindingsLoader({ scope: allScope, finding });
      expect(failed.props).toMatchObject({ role: "alert", "data-testid": "other-resources-error" });
    } finally {
      holder.__inspectorateDb = d;
      await dead.pool.end().catch(() => {});
    }
    expect(errors).toHaveBeenCalledWith({ component: "finding-detail", kind: "Error ECONNREFUSED" }, "other resources could not be read");
  });
});
