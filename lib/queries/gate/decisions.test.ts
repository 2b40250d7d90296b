// The gate page's artifact search on a real database: the typed text matches itself ("_" and "%"
// are characters), in any case. Decisions are organization-wide records: only a viewer of the whole
// organization lists them.
import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { DECISIONS_NEED_WHOLE_ORG, decisionFilterSchema, listDecisions } from "./decisions";

const database = setupQueryTestDatabase();
const labels = ["registry/app_api:1.0", "registry/appXapi:1.0", "registry/web:100%", "registry/web:2.0"];

beforeAll(async () => {
  for (const [i, label] of labels.entries()) {
    await database().pool.query(
      `INSERT INTO gate_decisions (artifact_kind, artifact_label, artifact, policy_name, policy_version, verdict, source, findings_count, result, actor_kind, actor_id, actor_name)
       VALUES ('image', $1, '{}', 'default', 1, $2, 'cache', 0, '{}', 'token', 't', 'ci')`,
      [label, i % 2 ? "fail" : "pass"],
    );
  }
});

const labelsOf = async (q: Record<string, string>) => {
  const listed = await listDecisions(allScope, decisionFilterSchema.parse(q));
  if (!listed.ok) throw new Error(listed.reason);
  return listed.rows.map((d) => d.artifactLabel).sort();
};

describe("gate decisions search", () => {
  it("matches the artifact's label as typed, with % and _ taken literally", async () => {
    expect(await labelsOf({ artifact: "app_api" })).toEqual(["registry/app_api:1.0"]);
    expect(await labelsOf({ artifact: "%" })).toEqual(["registry/web:100%"]);
    expect(await labelsOf({ artifact: "WEB" })).toEqual(["registry/web:100%", "registry/web:2.0"]);
    expect(await labelsOf({ artifact: "web", verdict: "fail" })).toEqual(["registry/web:2.0"]);
  });
});

describe("who lists gate decisions", () => {
  it("refuses a viewer limited to some accounts with the reason, and lists them for a viewer of the whole organization", async () => {
    // A decision whose result names another account's failing finding and the exception that passed one.
    await database().pool.query(
      `INSERT INTO gate_decisions (artifact_kind, artifact_label, artifact, policy_name, policy_version, verdict, source, findings_count, result, actor_kind, actor_id, actor_name)
       VALUES ('image', 'registry/payments:9', '{}', 'default', 1, 'fail', 'inspector', 2, $1, 'token', 't', 'ci')`,
      [JSON.stringify({ failing: [{ arn: "arn:aws:inspector2:us-east-1:222222222222:finding/x", vulnerabilityId: "CVE-2024-1", packageNames: ["openssl"] }],
        excepted: [{ arn: "arn:aws:inspector2:us-east-1:222222222222:finding/y", owner: "payments", reason: "compiled out" }] })],
    );
    for (const scope of [{ accountIds: ["111111111111"] }, { accountIds: ["222222222222"] }, { accountIds: [] }]) {
      expect(await listDecisions(scope, {})).toEqual({ ok: false, status: 403, reason: DECISIONS_NEED_WHOLE_ORG });
    }
    expect(DECISIONS_NEED_WHOLE_ORG).toMatch(/organization-wide records: .*needs a whole-organization role/);
    const listed = await listDecisions(allScope, { artifact: "payments" });
    expect(listed.ok && listed.rows.map((d) => [d.artifactLabel, d.result.excepted[0]?.owner])).toEqual([["registry/payments:9", "payments"]]);
  });
});
