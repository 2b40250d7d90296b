import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  BatchGetCodeSnippetCommand, ListCodeSecurityIntegrationsCommand, ListCodeSecurityScanConfigurationAssociationsCommand,
  ListCodeSecurityScanConfigurationsCommand, ListCoverageCommand, ListFindingAggregationsCommand, ValidationException,
} from "@aws-sdk/client-inspector2";
import { startEmulator, type EmulatorHandle } from "./server";
import { allFindings, inspector, TEST_NOW } from "./test-support";

// Code security (quirk codeSecurity): repositories, their findings, set-up and code snippets.
let h: EmulatorHandle;
beforeAll(async () => { h = await startEmulator({ seed: 3, accounts: 8, findings: 600, now: TEST_NOW, quirks: { codeSecurity: true } }); });
afterAll(() => h.close());

describe("code security", () => {
  it("lists CODE_REPOSITORY findings (SAST, IaC, SCA) with file and lines, filterable like the rest", async () => {
    const c = inspector(h);
    const code = await allFindings(c, { resourceType: [{ comparison: "EQUALS", value: "CODE_REPOSITORY" }] });
    expect(code).toHaveLength(6);
    const sast = code.find((f) => f.title === "SQL injection")!;
    expect(sast.type).toBe("CODE_VULNERABILITY");
    expect(sast.codeVulnerabilityDetails?.filePath).toEqual({ fileName: "repository.py", filePath: "src/orders/repository.py", startLine: 42, endLine: 43 });
    expect(sast.resources?.[0].details?.codeRepository?.projectName).toBe("acme-corp/payments-api");
    expect(code.filter((f) => f.type === "PACKAGE_VULNERABILITY")).toHaveLength(2);
    const all = await allFindings(c);
    expect(all.filter((f) => f.resources?.[0].type === "CODE_REPOSITORY")).toHaveLength(6);
    const agg = await c.send(new ListFindingAggregationsCommand({ aggregationType: "ACCOUNT" }));
    const listed = all.filter((f) => f.status === "ACTIVE" && f.awsAccountId === sast.awsAccountId).length;
    expect(agg.responses?.find((r) => r.accountAggregation?.accountId === sast.awsAccountId)?.accountAggregation?.severityCounts?.all).toBe(listed);
  });

  it("covers the repositories, with their integration and scan configuration", async () => {
    const c = inspector(h);
    const cov = await c.send(new ListCoverageCommand({ filterCriteria: { resourceType: [{ comparison: "EQUALS", value: "CODE_REPOSITORY" }] } }));
    expect(cov.coveredResources).toHaveLength(3);
    expect(cov.coveredResources?.[0].resourceMetadata?.codeRepository?.providerType).toBe("GITHUB");
    const integrations = await c.send(new ListCodeSecurityIntegrationsCommand({}));
    expect(integrations.integrations?.[0]).toMatchObject({ type: "GITHUB", status: "ACTIVE" });
    const configs = await c.send(new ListCodeSecurityScanConfigurationsCommand({}));
    const arn = configs.configurations![0].scanConfigurationArn!;
    expect(configs.configurations![0].ruleSetCategories).toEqual(["SAST", "IAC", "SCA"]);
    const assoc = await c.send(new ListCodeSecurityScanConfigurationAssociationsCommand({ scanConfigurationArn: arn, maxResults: 2 }));
    expect(assoc.associations).toHaveLength(2);
    expect(assoc.nextToken).toBeTruthy();
    await expect(c.send(new ListCodeSecurityScanConfigurationAssociationsCommand({ scanConfigurationArn: "" }))).rejects.toBeInstanceOf(ValidationException);
  });

  it("returns code snippets with line numbers, and per-finding errors for the rest", async () => {
    const c = inspector(h);
    const [sast] = await allFindings(c, { title: [{ comparison: "EQUALS", value: "SQL injection" }] });
    const r = await c.send(new BatchGetCodeSnippetCommand({ findingArns: [sast.findingArn!, "arn:aws:inspector2:us-east-1:111122223333:finding/00000000000000000000000000000000"] }));
    expect(r.codeSnippetResults?.[0]).toMatchObject({ findingArn: sast.findingArn, startLine: 40, endLine: 44 });
    expect(r.codeSnippetResults?.[0].codeSnippet?.[2]).toEqual({ lineNumber: 42, content: expect.stringContaining("cursor.execute") });
    expect(r.errors).toEqual([expect.objectContaining({ errorCode: "CODE_SNIPPET_NOT_FOUND" })]);
    await expect(c.send(new BatchGetCodeSnippetCommand({ findingArns: [] }))).rejects.toBeInstanceOf(ValidationException);
  });
});
