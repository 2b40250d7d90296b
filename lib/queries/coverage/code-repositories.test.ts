import { beforeAll, describe, expect, it } from "vitest";
import { allScope } from "@/lib/queries/scope";
import { addAccount, addCoveredResource, addFinding, setupQueryTestDatabase } from "@/lib/queries/test-fixtures";
import { getCodeRepositories, getCodeSetup } from "./code-repositories";

const A = "111111111111", B = "222222222222";
const REPO = "arn:aws:inspector2:us-east-1:111111111111:code-repository/project-1";
const database = setupQueryTestDatabase();

beforeAll(async () => {
  const d = database();
  await addAccount(d, A);
  await addAccount(d, B);
  await addCoveredResource(d, { account_id: A, resource_id: REPO, resource_type: "CODE_REPOSITORY", scan_type: "CODE" });
  await d.pool.query(`UPDATE covered_resources SET metadata = $1 WHERE resource_id = $2`, [JSON.stringify({ codeRepository: { projectName: "acme/api", providerType: "GITHUB", lastScannedCommitId: "abc123" } }), REPO]);
  await addCoveredResource(d, { account_id: B, resource_id: "i-1" });
  await addFinding(d, { account_id: A, resource_type: "CODE_REPOSITORY", resource_id: REPO, type: "CODE_VULNERABILITY" });
  await addFinding(d, { account_id: A, resource_type: "CODE_REPOSITORY", resource_id: REPO, status: "CLOSED" });
  await d.pool.query(`INSERT INTO code_security_integrations (arn, region, name, type, status, read_at) VALUES ('i', 'us-east-1', 'gh', 'GITHUB', 'ACTIVE', now())`);
  await d.pool.query(`INSERT INTO code_scan_configurations (arn, region, name, rule_set_categories, project_ids, read_at) VALUES ('c', 'us-east-1', 'weekly', '{SAST,SCA}', '{p1,p2}', now())`);
});

describe("code repositories read model", () => {
  it("lists repositories in scope with project, provider, last commit and open findings", async () => {
    const rows = await getCodeRepositories(allScope);
    expect(rows).toEqual([expect.objectContaining({ account_id: A, project: "acme/api", provider: "GITHUB", last_commit: "abc123", open_findings: 1 })]);
    expect(await getCodeRepositories({ accountIds: [B] })).toEqual([]);
  });

  it("reads the set-up with each configuration's project count", async () => {
    const s = await getCodeSetup();
    expect(s.integrations).toEqual([expect.objectContaining({ name: "gh", status: "ACTIVE" })]);
    expect(s.configurations).toEqual([expect.objectContaining({ name: "weekly", rule_set_categories: ["SAST", "SCA"], projects: 2 })]);
  });
});
