// The gate page's artifact search on a real database: the typed text matches itself ("_" and "%"
// are characters), in any case.
import { beforeAll, describe, expect, it } from "vitest";
import { setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { decisionFilterSchema, listDecisions } from "./decisions";

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

const labelsOf = async (q: Record<string, string>) => (await listDecisions(decisionFilterSchema.parse(q))).map((d) => d.artifactLabel).sort();

describe("gate decisions search", () => {
  it("matches the artifact's label as typed, with % and _ taken literally", async () => {
    expect(await labelsOf({ artifact: "app_api" })).toEqual(["registry/app_api:1.0"]);
    expect(await labelsOf({ artifact: "%" })).toEqual(["registry/web:100%"]);
    expect(await labelsOf({ artifact: "WEB" })).toEqual(["registry/web:100%", "registry/web:2.0"]);
    expect(await labelsOf({ artifact: "web", verdict: "fail" })).toEqual(["registry/web:2.0"]);
  });
});
